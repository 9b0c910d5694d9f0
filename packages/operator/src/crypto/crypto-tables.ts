/** Tables of crypto/ (migration in crypto-migration.ts). */
export interface CryptoTables {
  /** Each person's data keys (DEK) by version, wrapped by the operator's KEK of `kek_version`. */
  op_person_key: {
    person_id: string;
    version: number;
    kek_version: number;
    /** aead.ts format under the KEK, AAD `op_person_key|dek|<person_id>|<version>`. */
    wrapped_key: string;
    created_at: number;
  };
}
