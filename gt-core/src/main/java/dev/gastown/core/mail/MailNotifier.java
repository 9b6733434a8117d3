package dev.gastown.core.mail;

/**
 * Told about each message once it is stored and read back, to alert the recipient (the tmux runtime types a banner
 * into the recipient's session). The mail is delivered whatever happens here, so an implementation reports its own
 * failures instead of throwing.
 */
@FunctionalInterface
public interface MailNotifier {
    MailNotifier NONE = m -> {
    };

    void delivered(Message m);
}
