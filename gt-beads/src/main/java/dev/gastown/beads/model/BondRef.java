package dev.gastown.beads.model;

import java.util.List;

/** Where a molecule was bonded from. Older files wrote {@code proto_id} for {@code source_id}; both are read. */
public record BondRef(String sourceId, String bondType, String bondPoint, List<UnknownField> unknown) {
    public static final List<String> KEYS = List.of("source_id", "bond_type", "bond_point");

    public BondRef {
        sourceId = sourceId == null ? "" : sourceId;
        bondType = bondType == null ? "" : bondType;
        bondPoint = bondPoint == null ? "" : bondPoint;
        unknown = List.copyOf(unknown);
    }
}
