/** The two database engines a store runs on. */
export type StoreDialect = 'sqlite' | 'postgres';
