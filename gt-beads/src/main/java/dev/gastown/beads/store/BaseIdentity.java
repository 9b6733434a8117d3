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
}
