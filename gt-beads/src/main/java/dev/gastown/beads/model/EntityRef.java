package dev.gastown.beads.model;

import java.util.List;

/** A reference to a person or agent on some platform (creator and validator fields). All parts are optional. */
public record EntityRef(String name, String platform, String org, String id, List<UnknownField> unknown) {
    public static final List<String> KEYS = List.of("name", "platform", "org", "id");

    public EntityRef {
        name = name == null ? "" : name;
        platform = platform == null ? "" : platform;
        org = org == null ? "" : org;
        id = id == null ? "" : id;
        unknown = List.copyOf(unknown);
    }
}
