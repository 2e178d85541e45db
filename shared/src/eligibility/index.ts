/** Who may register and which key groups they belong to, recomputed for a given day. */
export * from './retirement';
export * from './keyGroups';
