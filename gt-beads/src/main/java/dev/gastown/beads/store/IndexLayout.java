package dev.gastown.beads.store;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The byte layout of {@code index.bin} (little-endian). A fixed header, then sections:
 * <pre>
 *   RECORDS  one fixed-size record per issue, sorted by id bytes
 *   STRINGS  length-prefixed UTF-8, deduplicated; records point into it
 *   EDGES    outgoing edges, a run per record
 *   REVERSE  incoming edges (and spawner references), a run per record, ordered by type code then source
 *   LABELS   string refs, a run per record
 *   ACTIVE   record numbers of issues not closed or tombstoned
 *   HIER     prefix sums: hierarchical (dotted) ids among records [0, i)
 *   DANGLING incoming edges whose target id is not in the store, sorted by that id, so that an issue created
 *            later finds the issues that already pointed at it
 * </pre>
 */
final class IndexLayout {
    static final byte[] MAGIC = "BDIDX005".getBytes(StandardCharsets.US_ASCII);

    static final int H_COUNT = 8;
    static final int H_ACTIVE = 12;
    static final int H_BASE = 16;
    static final int H_MAX_COMMENT = H_BASE + BaseIdentity.BYTES;
    static final int H_SECTIONS = H_MAX_COMMENT + 8;
    static final int SECTION_COUNT = 8;
    static final int HEADER_BYTES = H_SECTIONS + SECTION_COUNT * 8;

    static final int S_RECORDS = 0;
    static final int S_STRINGS = 1;
    static final int S_EDGES = 2;
    static final int S_REVERSE = 3;
    static final int S_LABELS = 4;
    static final int S_ACTIVE = 5;
    static final int S_HIER = 6;
    static final int S_DANGLING = 7;

    // Record fields.
    static final int R_ID = 0;
    static final int R_LINE_LENGTH = 4;
    static final int R_LINE_OFFSET = 8;
    static final int R_CREATED = 16;
    static final int R_UPDATED = 24;
    static final int R_DEFER = 32;
    static final int R_ASSIGNEE = 40;
    static final int R_MOL_TYPE = 44;
    static final int R_STATUS_NAME = 48;
    static final int R_TYPE_NAME = 52;
    static final int R_EDGES = 56;
    static final int R_EDGE_COUNT = 60;
    static final int R_REVERSE = 64;
    static final int R_REVERSE_COUNT = 68;
    static final int R_LABELS = 72;
    static final int R_LABEL_COUNT = 76;
    static final int R_PRIORITY = 80;
    static final int R_STATUS = 84;
    static final int R_TYPE = 85;
    static final int R_FLAGS = 86;
    static final int R_PARTITION = 87;
    static final int RECORD_BYTES = 88;

    static final int F_PINNED = 1;
    static final int F_EPHEMERAL = 2;
    static final int F_TEMPLATE = 4;
    static final int F_CLOSED_SUCCESS = 8;
    static final int F_DIRECTLY_BLOCKED = 16;
    static final int F_BLOCKED = 32;

    // Edge entries: target record (-1 when not in the store), target id ref, type code, gate, spawner record
    // (-1: the target; -2: not in the store), spawner id ref.
    static final int E_TARGET = 0;
    static final int E_TARGET_ID = 4;
    static final int E_TYPE = 8;
    static final int E_GATE = 9;
    static final int E_TYPE_NAME = 12;
    static final int E_SPAWNER = 16;
    static final int E_SPAWNER_ID = 20;
    static final int EDGE_BYTES = 24;

    // Reverse entries: source record, type code (SPAWNER_CODE for a waits-for edge naming this issue as spawner).
    static final int V_SOURCE = 0;
    static final int V_TYPE = 4;
    static final int REVERSE_BYTES = 8;

    // Dangling entries: target id ref, then the same shape as a reverse entry.
    static final int D_TARGET_ID = 0;
    static final int D_SOURCE = 4;
    static final int D_TYPE = 8;
    static final int DANGLING_BYTES = 12;

    static final int NONE = -1;
    static final int OTHER_CODE = 255;
    static final int SPAWNER_CODE = 254;

    static final List<Status> STATUS_CODES = Status.BUILT_IN;
    static final List<IssueType> TYPE_CODES = IssueType.BUILT_IN;
    static final List<DependencyType> DEP_CODES = DependencyType.WELL_KNOWN;

    private IndexLayout() {
    }

    static <T> int code(List<T> codes, T value) {
        int i = codes.indexOf(value);
        return i < 0 ? OTHER_CODE : i;
    }
}
