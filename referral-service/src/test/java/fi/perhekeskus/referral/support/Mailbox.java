package fi.perhekeskus.referral.support;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a mailbox of the local mail server over IMAP, as anyone may: the login and the password are
 * the address itself. A mailbox no mail has arrived for does not exist yet, and reads as empty.
 */
public final class Mailbox {

    public record Mail(String messageId, String subject, String body) {
    }

    private Mailbox() {
    }

    /** How many messages the mailbox holds (one IMAP round trip, no contents). */
    public static int count(int imapPort, String address) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            try {
                store.connect("127.0.0.1", imapPort, address, address);
                return store.getFolder("INBOX").getMessageCount();
            } finally {
                store.close();
            }
        } catch (AuthenticationFailedException noMailYet) {
            return 0;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Mail> read(int imapPort, String address) {
        Store store = null;
        try {
            store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                String[] ids = m.getHeader("Message-ID");
                mails.add(new Mail(ids == null ? null : ids[0], m.getSubject(), String.valueOf(m.getContent()).trim()));
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException noMailYet) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // closing a read-only session
                }
            }
        }
    }
}
