package dev.gastown.core.mq;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A town with one rig, and the moves of a merge-queue scenario: issues, polecats, commits, gt done, the engine. */
final class Workbench {
    final TownFixture f;
    final Ledger mayor;

    Workbench(Path tmp) throws IOException {
        f = TownFixture.withRig(tmp);
        mayor = f.ledger(Address.MAYOR);
    }

    String issue(String title, int priority) {
        BeadsContext rig = mayor.rig(TownFixture.RIG);
        return mayor.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title).priority(priority)).id());
    }

    String issue(String title) {
        return issue(title, 2);
    }

    Issue bead(String id) {
        return mayor.read(mayor.owning(id), v -> v.get(id));
    }

    /** Slings {@code issue} to the rig: a fresh polecat with the issue on its hook. */
    Address.Polecat sling(String issue) {
        return (Address.Polecat) new Sling(mayor, new FormulaPours(f.town.root(), null), Address.MAYOR)
                .sling(new SlingRequest(List.of(issue), TownFixture.RIG, Map.of(), "", "", false, "none", false))
                .get(0).agent();
    }

    Path worktree(Address a) {
        return f.town.home(a);
    }

    GitCli git(Address a) {
        return new GitCli(worktree(a), f.env(a));
    }

    /** Writes a file in the agent's worktree and commits it as the agent. */
    String commit(Address a, String file, String content, String message) throws IOException {
        Path wt = worktree(a);
        TownFixture.write(wt.resolve(file), content);
        GitCli git = git(a);
        git.check("add", file);
        git.check("commit", "-q", "-m", message);
        return git.check("rev-parse", "HEAD");
    }

    Done.Report done(Address.Polecat p) {
        return new Done(f.ledger(p)).run(p, Done.Exit.COMPLETED, Optional.empty());
    }

    MergeEngine.Run process() {
        return process(Checkpoint.NONE);
    }

    MergeEngine.Run process(Checkpoint checkpoint) {
        return new MergeEngine(f.ledger(new Address.Refinery(TownFixture.RIG)), Duration.ofMinutes(5), checkpoint)
                .processNext(TownFixture.RIG, Instant.now());
    }

    MergeRequest mr(String id) {
        return new MergeQueue(mayor).get(id);
    }

    void settings(RigSettings s) {
        s.write(f.rig().layout());
    }

    RigSettings settings() {
        return f.rig().settings();
    }

    /** What origin's {@code branch} points at, or empty. */
    Optional<String> originHead(String branch) {
        GitCli.Result r = new GitCli(f.remote).run("rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return r.ok() ? Optional.of(r.out()) : Optional.empty();
    }

    /** The subjects of origin's main, newest first. */
    List<String> originLog() {
        return List.of(Git.run(f.remote, "log", "--format=%s", "main").split("\n"));
    }

    String originFile(String path) {
        return Git.run(f.remote, "show", "main:" + path);
    }

    /** Pushes a commit to origin's main from a fresh clone, as another merge landing would. */
    void landElsewhere(String file, String content, String message) throws IOException {
        Path clone = f.base.resolve("elsewhere-" + System.nanoTime());
        Git.run(f.base, "clone", "-q", f.remote.toString(), clone.toString());
        Files.writeString(clone.resolve(file), content);
        Git.run(clone, "add", file);
        Git.run(clone, "commit", "-q", "-m", message);
        Git.run(clone, "push", "-q", "origin", "main");
    }

    List<Message> mail(Address to) {
        return new Mailboxes(mayor).inbox(to, true);
    }

    List<String> subjects(Address to) {
        return mail(to).stream().map(Message::subject).toList();
    }

    Path refinery() {
        return f.rig().layout().refineryWorktree();
    }
}
