/**
 * Staff invitation codes. Kept free of zod so the client's main package (the staff-binding form
 * on 我的) can check a code without shipping the schema library.
 */
/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_LENGTH = 8;
