package dev.gastown.beads.codec;

import static dev.gastown.beads.codec.Fields.array;
import static dev.gastown.beads.codec.Fields.flag;
import static dev.gastown.beads.codec.Fields.num;
import static dev.gastown.beads.codec.Fields.str;
import static dev.gastown.beads.codec.Fields.strings;
import static dev.gastown.beads.codec.Fields.ts;

import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.json.JsonWriter;
import dev.gastown.beads.model.BondRef;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.EntityRef;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.model.UnknownField;
import dev.gastown.beads.model.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts issues to and from the JSON the original writes in {@code issues.jsonl}: Go struct key order, Go's
 * {@code omitempty} rules, timestamps as written, unknown keys kept in place. A line read and written back without
 * changes has the same bytes.
 */
public final class IssueCodec {
    private static final Map<String, Integer> ISSUE_KEYS = indexOf(Issue.KEYS);
    private static final Map<String, Integer> DEP_KEYS = indexOf(Dependency.KEYS);
    private static final Map<String, Integer> COMMENT_KEYS = indexOf(Comment.KEYS);
    private static final Map<String, Integer> BOND_KEYS = indexOf(BondRef.KEYS);
    private static final Map<String, Integer> ENTITY_KEYS = indexOf(EntityRef.KEYS);
    private static final Map<String, Integer> VALIDATION_KEYS = indexOf(Validation.KEYS);
    /** The key v0.35 to v0.37 wrote for {@code ephemeral}. */
    private static final String LEGACY_WISP_KEY = "wisp";

    private IssueCodec() {
    }

    /** Parses one JSONL line. Syntax errors are {@link dev.gastown.beads.json.JsonException}s. */
    public static Issue parseLine(String line) {
        return decode(JsonParser.parseObject(line));
    }

    /** The compact JSON of the issue, without a newline. */
    public static String toLine(Issue issue) {
        return JsonWriter.compact(encode(issue));
    }

    public static Issue decode(JsonObject o) {
        Issue.Builder b = Issue.builder();
        List<UnknownField> unknown = new ArrayList<>(0);
        boolean sawPriority = false;
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            Integer idx = ISSUE_KEYS.get(key);
            if (idx == null) {
                if (key.equals(LEGACY_WISP_KEY) && v instanceof dev.gastown.beads.json.JsonBool w) {
                    b.ephemeral(w.value());
                } else {
                    unknown.add(new UnknownField(last, key, v));
                }
                continue;
            }
            last = idx;
            switch (key) {
                case "id" -> b.id(Fields.string(key, v));
                case "title" -> b.title(Fields.string(key, v));
                case "description" -> b.description(Fields.string(key, v));
                case "design" -> b.design(Fields.string(key, v));
                case "acceptance_criteria" -> b.acceptanceCriteria(Fields.string(key, v));
                case "notes" -> b.notes(Fields.string(key, v));
                case "status" -> {
                    String s = Fields.string(key, v);
                    b.status(s.isEmpty() ? Status.OPEN : Status.of(s));
                }
                case "priority" -> {
                    b.priority(Fields.int32(key, v));
                    sawPriority = true;
                }
                case "issue_type" -> {
                    String t = Fields.string(key, v);
                    b.issueType(t.isEmpty() ? IssueType.TASK : IssueType.of(t));
                }
                case "assignee" -> b.assignee(Fields.string(key, v));
                case "estimated_minutes" -> b.estimatedMinutes(v == JsonNull.INSTANCE ? null : Fields.int32(key, v));
                case "created_at" -> b.createdAt(orZero(Fields.timestamp(key, v)));
                case "created_by" -> b.createdBy(Fields.string(key, v));
                case "updated_at" -> b.updatedAt(orZero(Fields.timestamp(key, v)));
                case "closed_at" -> b.closedAt(Fields.timestamp(key, v));
                case "close_reason" -> b.closeReason(Fields.string(key, v));
                case "closed_by_session" -> b.closedBySession(Fields.string(key, v));
                case "due_at" -> b.dueAt(Fields.timestamp(key, v));
                case "defer_until" -> b.deferUntil(Fields.timestamp(key, v));
                case "external_ref" -> b.externalRef(Fields.nullableString(key, v));
                case "compaction_level" -> b.compactionLevel(Fields.int32(key, v));
                case "compacted_at" -> b.compactedAt(Fields.timestamp(key, v));
                case "compacted_at_commit" -> b.compactedAtCommit(Fields.nullableString(key, v));
                case "original_size" -> b.originalSize(Fields.int32(key, v));
                case "labels" -> b.labels(Fields.list(key, v, x -> Fields.string("labels", x)));
                case "dependencies" -> b.dependencies(Fields.list(key, v, IssueCodec::decodeDependency));
                case "comments" -> b.comments(Fields.list(key, v, IssueCodec::decodeComment));
                case "deleted_at" -> b.deletedAt(Fields.timestamp(key, v));
                case "deleted_by" -> b.deletedBy(Fields.string(key, v));
                case "delete_reason" -> b.deleteReason(Fields.string(key, v));
                case "original_type" -> b.originalType(Fields.string(key, v));
                case "sender" -> b.sender(Fields.string(key, v));
                case "ephemeral" -> b.ephemeral(Fields.bool(key, v));
                case "pinned" -> b.pinned(Fields.bool(key, v));
                case "is_template" -> b.isTemplate(Fields.bool(key, v));
                case "bonded_from" -> b.bondedFrom(Fields.list(key, v, IssueCodec::decodeBondRef));
                case "creator" -> b.creator(v == JsonNull.INSTANCE ? null : decodeEntity(Fields.object(key, v)));
                case "validations" -> b.validations(Fields.list(key, v, IssueCodec::decodeValidation));
                case "await_type" -> b.awaitType(Fields.string(key, v));
                case "await_id" -> b.awaitId(Fields.string(key, v));
                case "timeout" -> b.timeout(Fields.integer(key, v));
                case "waiters" -> b.waiters(Fields.list(key, v, x -> Fields.string("waiters", x)));
                case "holder" -> b.holder(Fields.string(key, v));
                case "source_formula" -> b.sourceFormula(Fields.string(key, v));
                case "source_location" -> b.sourceLocation(Fields.string(key, v));
                case "hook_bead" -> b.hookBead(Fields.string(key, v));
                case "role_bead" -> b.roleBead(Fields.string(key, v));
                case "agent_state" -> b.agentState(Fields.string(key, v));
                case "last_activity" -> b.lastActivity(Fields.timestamp(key, v));
                case "role_type" -> b.roleType(Fields.string(key, v));
                case "rig" -> b.rig(Fields.string(key, v));
                case "mol_type" -> b.molType(Fields.string(key, v));
                case "event_kind" -> b.eventKind(Fields.string(key, v));
                case "actor" -> b.actor(Fields.string(key, v));
                case "target" -> b.target(Fields.string(key, v));
                case "payload" -> b.payload(Fields.string(key, v));
                default -> throw new IllegalStateException("unhandled key " + key);
            }
        }
        if (b.id() == null || b.id().isEmpty()) {
            throw new IssueFormatException("missing \"id\"");
        }
        if (!o.has("title")) {
            throw new IssueFormatException("missing \"title\"");
        }
        if (!sawPriority) {
            b.priority(0); // Go's zero value: a missing priority reads as 0, not the default of 2
        }
        return b.unknown(unknown).build();
    }

    public static JsonObject encode(Issue i) {
        OrderedWriter w = new OrderedWriter(i.unknown());
        int k = 0;
        w.slot(k++, "id", new JsonString(i.id()));
        w.slot(k++, "title", new JsonString(i.title()));
        w.slot(k++, "description", str(i.description()));
        w.slot(k++, "design", str(i.design()));
        w.slot(k++, "acceptance_criteria", str(i.acceptanceCriteria()));
        w.slot(k++, "notes", str(i.notes()));
        w.slot(k++, "status", str(i.status().name()));
        w.slot(k++, "priority", JsonNumber.of(i.priority()));
        w.slot(k++, "issue_type", str(i.issueType().name()));
        w.slot(k++, "assignee", str(i.assignee()));
        w.slot(k++, "estimated_minutes", i.estimatedMinutes() == null ? null : JsonNumber.of(i.estimatedMinutes()));
        w.slot(k++, "created_at", new JsonString(i.createdAt().text()));
        w.slot(k++, "created_by", str(i.createdBy()));
        w.slot(k++, "updated_at", new JsonString(i.updatedAt().text()));
        w.slot(k++, "closed_at", ts(i.closedAt()));
        w.slot(k++, "close_reason", str(i.closeReason()));
        w.slot(k++, "closed_by_session", str(i.closedBySession()));
        w.slot(k++, "due_at", ts(i.dueAt()));
        w.slot(k++, "defer_until", ts(i.deferUntil()));
        w.slot(k++, "external_ref", i.externalRef() == null ? null : new JsonString(i.externalRef()));
        w.slot(k++, "compaction_level", num(i.compactionLevel()));
        w.slot(k++, "compacted_at", ts(i.compactedAt()));
        w.slot(k++, "compacted_at_commit",
                i.compactedAtCommit() == null ? null : new JsonString(i.compactedAtCommit()));
        w.slot(k++, "original_size", num(i.originalSize()));
        w.slot(k++, "labels", strings(i.labels()));
        w.slot(k++, "dependencies", array(i.dependencies(), IssueCodec::encodeDependency));
        w.slot(k++, "comments", array(i.comments(), IssueCodec::encodeComment));
        w.slot(k++, "deleted_at", ts(i.deletedAt()));
        w.slot(k++, "deleted_by", str(i.deletedBy()));
        w.slot(k++, "delete_reason", str(i.deleteReason()));
        w.slot(k++, "original_type", str(i.originalType()));
        w.slot(k++, "sender", str(i.sender()));
        w.slot(k++, "ephemeral", flag(i.ephemeral()));
        w.slot(k++, "pinned", flag(i.pinned()));
        w.slot(k++, "is_template", flag(i.isTemplate()));
        w.slot(k++, "bonded_from", array(i.bondedFrom(), IssueCodec::encodeBondRef));
        w.slot(k++, "creator", i.creator() == null ? null : encodeEntity(i.creator()));
        w.slot(k++, "validations", array(i.validations(), IssueCodec::encodeValidation));
        w.slot(k++, "await_type", str(i.awaitType()));
        w.slot(k++, "await_id", str(i.awaitId()));
        w.slot(k++, "timeout", num(i.timeout()));
        w.slot(k++, "waiters", strings(i.waiters()));
        w.slot(k++, "holder", str(i.holder()));
        w.slot(k++, "source_formula", str(i.sourceFormula()));
        w.slot(k++, "source_location", str(i.sourceLocation()));
        w.slot(k++, "hook_bead", str(i.hookBead()));
        w.slot(k++, "role_bead", str(i.roleBead()));
        w.slot(k++, "agent_state", str(i.agentState()));
        w.slot(k++, "last_activity", ts(i.lastActivity()));
        w.slot(k++, "role_type", str(i.roleType()));
        w.slot(k++, "rig", str(i.rig()));
        w.slot(k++, "mol_type", str(i.molType()));
        w.slot(k++, "event_kind", str(i.eventKind()));
        w.slot(k++, "actor", str(i.actor()));
        w.slot(k++, "target", str(i.target()));
        w.slot(k, "payload", str(i.payload()));
        return w.finish();
    }

    public static Dependency decodeDependency(JsonValue value) {
        JsonObject o = Fields.object("dependency", value);
        String issueId = "";
        String dependsOn = "";
        String type = "";
        Timestamp created = Timestamp.ZERO;
        String createdBy = "";
        String metadata = "";
        String thread = "";
        List<UnknownField> unknown = new ArrayList<>(0);
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            Integer idx = DEP_KEYS.get(key);
            if (idx == null) {
                unknown.add(new UnknownField(last, key, v));
                continue;
            }
            last = idx;
            switch (key) {
                case "issue_id" -> issueId = Fields.string(key, v);
                case "depends_on_id" -> dependsOn = Fields.string(key, v);
                case "type" -> type = Fields.string(key, v);
                case "created_at" -> created = orZero(Fields.timestamp(key, v));
                case "created_by" -> createdBy = Fields.string(key, v);
                case "metadata" -> metadata = Fields.string(key, v);
                default -> thread = Fields.string(key, v);
            }
        }
        return new Dependency(issueId, dependsOn, DependencyType.of(type), created, createdBy, metadata, thread,
                unknown);
    }

    public static JsonObject encodeDependency(Dependency d) {
        OrderedWriter w = new OrderedWriter(d.unknown());
        w.slot(0, "issue_id", new JsonString(d.issueId()));
        w.slot(1, "depends_on_id", new JsonString(d.dependsOnId()));
        w.slot(2, "type", new JsonString(d.type().name()));
        w.slot(3, "created_at", new JsonString(d.createdAt().text()));
        w.slot(4, "created_by", str(d.createdBy()));
        w.slot(5, "metadata", str(d.metadata()));
        w.slot(6, "thread_id", str(d.threadId()));
        return w.finish();
    }

    public static Comment decodeComment(JsonValue value) {
        JsonObject o = Fields.object("comment", value);
        JsonValue id = JsonNumber.of(0);
        String issueId = "";
        String author = "";
        String text = "";
        Timestamp created = Timestamp.ZERO;
        List<UnknownField> unknown = new ArrayList<>(0);
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            Integer idx = COMMENT_KEYS.get(key);
            if (idx == null) {
                unknown.add(new UnknownField(last, key, v));
                continue;
            }
            last = idx;
            switch (key) {
                case "id" -> id = v;
                case "issue_id" -> issueId = Fields.string(key, v);
                case "author" -> author = Fields.string(key, v);
                case "text" -> text = Fields.string(key, v);
                default -> created = orZero(Fields.timestamp(key, v));
            }
        }
        return new Comment(id, issueId, author, text, created, unknown);
    }

    public static JsonObject encodeComment(Comment c) {
        return new OrderedWriter(c.unknown())
                .slot(0, "id", c.id())
                .slot(1, "issue_id", new JsonString(c.issueId()))
                .slot(2, "author", new JsonString(c.author()))
                .slot(3, "text", new JsonString(c.text()))
                .slot(4, "created_at", new JsonString(c.createdAt().text()))
                .finish();
    }

    private static BondRef decodeBondRef(JsonValue value) {
        JsonObject o = Fields.object("bonded_from", value);
        String source = "";
        String type = "";
        String point = "";
        List<UnknownField> unknown = new ArrayList<>(0);
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            if (key.equals("proto_id")) { // the pre-v0.38 name of source_id
                source = Fields.string(key, v);
                last = 0;
                continue;
            }
            Integer idx = BOND_KEYS.get(key);
            if (idx == null) {
                unknown.add(new UnknownField(last, key, v));
                continue;
            }
            last = idx;
            switch (key) {
                case "source_id" -> source = Fields.string(key, v);
                case "bond_type" -> type = Fields.string(key, v);
                default -> point = Fields.string(key, v);
            }
        }
        return new BondRef(source, type, point, unknown);
    }

    private static JsonObject encodeBondRef(BondRef r) {
        return new OrderedWriter(r.unknown())
                .slot(0, "source_id", new JsonString(r.sourceId()))
                .slot(1, "bond_type", new JsonString(r.bondType()))
                .slot(2, "bond_point", str(r.bondPoint()))
                .finish();
    }

    private static EntityRef decodeEntity(JsonObject o) {
        Map<String, String> known = new HashMap<>();
        List<UnknownField> unknown = new ArrayList<>(0);
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            Integer idx = ENTITY_KEYS.get(e.getKey());
            if (idx == null) {
                unknown.add(new UnknownField(last, e.getKey(), e.getValue()));
                continue;
            }
            last = idx;
            known.put(e.getKey(), Fields.string(e.getKey(), e.getValue()));
        }
        return new EntityRef(known.get("name"), known.get("platform"), known.get("org"), known.get("id"), unknown);
    }

    private static JsonObject encodeEntity(EntityRef r) {
        return new OrderedWriter(r.unknown())
                .slot(0, "name", str(r.name()))
                .slot(1, "platform", str(r.platform()))
                .slot(2, "org", str(r.org()))
                .slot(3, "id", str(r.id()))
                .finish();
    }

    private static Validation decodeValidation(JsonValue value) {
        JsonObject o = Fields.object("validations", value);
        EntityRef validator = null;
        String outcome = "";
        Timestamp at = Timestamp.ZERO;
        JsonNumber score = null;
        List<UnknownField> unknown = new ArrayList<>(0);
        int last = -1;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            Integer idx = VALIDATION_KEYS.get(key);
            if (idx == null) {
                unknown.add(new UnknownField(last, key, v));
                continue;
            }
            last = idx;
            switch (key) {
                case "validator" -> validator = v == JsonNull.INSTANCE ? null : decodeEntity(Fields.object(key, v));
                case "outcome" -> outcome = Fields.string(key, v);
                case "timestamp" -> at = orZero(Fields.timestamp(key, v));
                default -> {
                    if (v instanceof JsonNumber n) {
                        score = n;
                    } else if (v != JsonNull.INSTANCE) {
                        throw new IssueFormatException("field \"score\": expected a number, got " + v.toJson());
                    }
                }
            }
        }
        return new Validation(validator, outcome, at, score, unknown);
    }

    private static JsonObject encodeValidation(Validation v) {
        return new OrderedWriter(v.unknown())
                .slot(0, "validator", v.validator() == null ? JsonNull.INSTANCE : encodeEntity(v.validator()))
                .slot(1, "outcome", new JsonString(v.outcome()))
                .slot(2, "timestamp", new JsonString(v.timestamp().text()))
                .slot(3, "score", v.score())
                .finish();
    }

    private static Timestamp orZero(Timestamp t) {
        return t == null ? Timestamp.ZERO : t;
    }

    private static Map<String, Integer> indexOf(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), i);
        }
        return Map.copyOf(m);
    }
}
