package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.ops.Comments;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "comments", aliases = "comment", description = "Show an issue's comments.",
        subcommands = CommentsCommand.Add.class)
final class CommentsCommand extends BdCommand {
    @Parameters(paramLabel = "ID", arity = "0..1")
    String issue;

    @Override
    int execute() {
        if (issue == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "an issue id is required");
        }
        List<Comment> comments = store().read((StoreView v) -> v.get(resolve(v, issue)).comments());
        if (json()) {
            JsonArray a = new JsonArray();
            comments.forEach(c -> a.add(BdJson.comment(c)));
            out().json(a);
        } else if (comments.isEmpty()) {
            out().line("No comments.");
        } else {
            for (Comment c : comments) {
                out().line("[" + c.author() + " at " + c.createdAt().text() + "]");
                out().line(Display.indent(c.text(), "  "));
            }
        }
        return 0;
    }

    @Command(name = "add", description = "Add a comment to an issue.")
    static final class Add extends BdCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String issue;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the text from FILE.")
        String file;

        @Option(names = {"-a", "--author"}, paramLabel = "WHO", description = "Default: the actor.")
        String author;

        @Override
        int execute() {
            String body = text;
            if (file != null) {
                try {
                    body = Files.readString(env().cwd().resolve(file));
                } catch (IOException e) {
                    throw new CliException("cannot read " + file + ": " + e.getMessage());
                }
            }
            if (body == null) {
                throw new CliException("comment text is required (or --file)");
            }
            String b = body;
            Comment c = store().write(tx -> Comments.add(tx, context(), resolve(tx, issue), b, author));
            if (json()) {
                out().json(BdJson.comment(c));
            } else {
                out().line("✓ Comment added to " + c.issueId());
            }
            return 0;
        }
    }
}
