package dev.gastown.beads.store;

import java.nio.ByteBuffer;

/** The identities of the two JSONL files a journal or an index was made against. */
public record BaseIdentity(FileIdentity issues, FileIdentity wisps) {
    public static final int BYTES = 2 * FileIdentity.BYTES;

    public static BaseIdentity of(BeadsDir dir) {
        return new BaseIdentity(FileIdentity.of(dir.issuesJsonl()), FileIdentity.of(dir.wispsJsonl()));
    }

    void writeTo(ByteBuffer b) {
        issues.writeTo(b);
        wisps.writeTo(b);
    }

    static BaseIdentity readFrom(ByteBuffer b) {
        return new BaseIdentity(FileIdentity.readFrom(b), FileIdentity.readFrom(b));
    }

    // Written out: a record's generated equals/hashCode bootstrap through invokedynamic on first use, which costs a
    // cold gt/bd process milliseconds that class-data sharing cannot save.
    @Override
    public boolean equals(Object o) {
        return o instanceof BaseIdentity other && issues.equals(other.issues) && wisps.equals(other.wisps);
    }

    @Override
    public int hashCode() {
        return issues.hashCode() * 31 + wisps.hashCode();
    }
}
