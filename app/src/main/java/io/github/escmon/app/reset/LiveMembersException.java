package io.github.escmon.app.reset;

import java.util.List;

/** The application's consumer group has members: some instance of it is running, and reset must not touch it. */
public final class LiveMembersException extends Exception {

    private final transient List<String> members;

    public LiveMembersException(String applicationId, List<String> members) {
        super("application '" + applicationId + "' has "
                + (members.isEmpty() ? "live members"
                : members.size() + " live member" + (members.size() == 1 ? "" : "s") + " (" + String.join(", ", members) + ")")
                + ": stop the running 'escmon run' instances of this application first (Ctrl-C or SIGTERM), then run "
                + "escmon reset again. An instance that was killed stays a member until the broker expires it "
                + "(session.timeout.ms, 45 s by default). Nothing was changed.");
        this.members = List.copyOf(members);
    }

    public List<String> members() {
        return members;
    }
}
