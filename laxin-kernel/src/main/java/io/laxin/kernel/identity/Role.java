package io.laxin.kernel.identity;

/** Staff roles carried in an admin token. */
public enum Role {
    OPS,
    FINANCE,
    ADMIN
}
