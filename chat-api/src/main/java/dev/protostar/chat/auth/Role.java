package dev.protostar.chat.auth;

/** What a key may do: recruiters chat with their tenant's candidates; admins also upload and manage. */
public enum Role {
    ADMIN,
    RECRUITER
}
