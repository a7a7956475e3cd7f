package io.pra.testkit.sink;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** An SMTP server (GreenMail) on a random local port that keeps every message it receives. */
public final class SmtpSink implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts a sink that accepts mail from anyone, without authentication. */
    public static SmtpSink start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new SmtpSink(greenMail);
    }

    /** The host to give an SMTP client. */
    public String host() {
        return greenMail.getSmtp().getBindTo();
    }

    /** The port to give an SMTP client. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Forgets every message received. */
    public void reset() {
        greenMail.reset();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
