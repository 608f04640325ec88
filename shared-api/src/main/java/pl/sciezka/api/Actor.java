package pl.sciezka.api;

import java.util.Objects;

/** Who acts or reads: the authenticated user's id and role. */
public record Actor(String userId, Role role) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
