/** Tables of model/ (migration in model-migration.ts, declarations in tables/ and asset-routes.ts). */
export interface ModelTables {
  /** Every asset a list API named: the unit the engine collects per (person × provider × asset). */
  op_asset: {
    /** HMAC of (person, provider, list API, key): the same asset always has the same id. */
    id: string;
    person_id: string;
    org_code: string;
    /** The list API (은행-001, 카드-001 …); detail APIs name it as their `listedBy`. */
    api_id: string;
    api_type: string;
    collected_at: number;
    content_hash: string;
    /** The key fields (account_num + seqno, card_id …) as JSON, sealed. */
    key_sealed: string;
    /** Blind index of the person's number (account, card, policy, phone, bond number), for search. */
    number_bidx: string | null;
    /** The number and other personal list fields as JSON, sealed. */
    personal_sealed: string | null;
    name: string | null;
    is_consent: boolean;
    type_code: string | null;
    status_code: string | null;
    /** Other list fields (wire strings) as JSON. */
    attrs: string;
    /** When a complete list no longer named it (closed, or no longer shared); null while listed. */
    delisted_at: number | null;
  };
}

/**
 * The provenance every generated model table (op_m_*) has; its other columns come from its declaration.
 * Queried through a loosely typed handle (model-db.ts): their column sets are data, not types.
 */
export interface ModelRowBase {
  id: string;
  person_id: string;
  org_code: string;
  asset_id: string | null;
  api_id: string;
  api_type: string;
  collected_at: number;
  content_hash: string;
}
