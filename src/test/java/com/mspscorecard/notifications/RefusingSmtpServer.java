package com.mspscorecard.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP server on a local port that refuses every recipient for good ({@code 550 5.1.1}):
 * GreenMail accepts any address, and the "refused address" case needs a server that does not.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;

    private final Thread thread;

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0);
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing.test ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    switch (command) {
                        case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                        case "MAIL" -> reply(out, "250 2.1.0 OK");
                        case "RCPT" -> reply(out, "550 5.1.1 No such user here");
                        case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                        case "QUIT" -> {
                            reply(out, "221 2.0.0 Bye");
                            client.close();
                        }
                        default -> reply(out, "503 5.5.1 Bad sequence of commands");
                    }
                    if (client.isClosed()) {
                        break;
                    }
                }
            }
            catch (IOException e) {
                // the test is over, or the client hung up
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
