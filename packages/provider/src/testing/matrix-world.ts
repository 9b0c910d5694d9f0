import type { RspCode } from '@hannun/spec';
import type { Response } from 'light-my-request';
import type { Temporal } from 'temporal-polyfill';
import type { ManualClock } from '../clock/manual-clock.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { Holding } from '../ledger/ledger.ts';
import type { ProviderEngine } from '../server/create-provider-engine.ts';
import type { CallOptions, Grant, TokenOptions, WireRequest } from './engine-calls.ts';

/**
 * What the negative matrix (`negative-matrix.ts`) runs against: an engine over some data, and for each
 * information API it covers the customer, assets and requests its cases need. The fixture world answers
 * from hand-made books; the ledger world from the synthetic ledger, choosing each case's holdings by
 * searching its customers — so a case the data cannot give is missing there, not faked.
 */
export interface MatrixWorld {
  readonly engine: ProviderEngine;
  readonly clock: ManualClock;
  /** Where the clock rests between tests (a time inside the np_time of most institutions). */
  readonly now: number;
  /** The (org_code, API ID) pairs the matrix runs over. */
  readonly cases: readonly (readonly [string, string])[];
  api(org: string, apiId: string): CompiledApi;
  /**
   * The customer an API's cases are about (by CI); grants of one subject at one institution are shared
   * between its APIs.
   */
  subjectOf(org: string, apiId: string): string;
  /** A fresh consent of the API's subject (or of `consent.ci`) at the institution, and a token for it. */
  grant(org: string, apiId: string, opts?: WorldGrantOptions): Promise<Grant>;
  /**
   * A valid request of the API (the subject's asset by default) over the world's usual period; with a
   * holding, at any institution serving the API.
   */
  validRequest(org: string, apiId: string, opts?: WorldRequestOptions): WireRequest;
  /** Assets that must be refused, as far as the data has them (40105, 40402, 40305). */
  assetCases(org: string, apiId: string): readonly AssetCase[];
  /** Another normal, consented asset of the subject for the API, when there is one (cursor replay). */
  secondAsset(org: string, apiId: string): Holding | undefined;
  /**
   * How many items the valid request's answer has (a body counts 1): with 2 or more, a first page of one
   * has a next_page; with none, nothing has changed to be sent since any search_timestamp.
   */
  items(org: string, apiId: string): number;
  /** A search_timestamp older than every datum of the world. */
  readonly oldTimestamp: string;
  call(org: string, apiId: string, opts: CallOptions): Promise<Response>;
  /** An instant of the clock's Korean day inside the institution's np_time. */
  inWindow(org: string): number;
  /** An instant of the clock's Korean day outside the institution's np_time. */
  outsideWindow(org: string): number;
  /** Another institution of the engine (its key signs foreign tokens). */
  otherOrg(org: string): string;
  /**
   * Whether every optional field is in the data (the fixture's rows); otherwise (real data) a field is
   * there only when it has a value, and the field-rule cases ask for at least one of them.
   */
  readonly completeRows: boolean;
  close(): Promise<void>;
}

export interface WorldGrantOptions extends TokenOptions {
  readonly consent?: Partial<ConsentRecord> & { readonly ci?: string };
}

export interface WorldRequestOptions {
  readonly holding?: Holding;
  /** The period's last day (the clock's day by default). */
  readonly today?: Temporal.PlainDate;
}

/** An asset the chain must refuse: in which consent, and with which rsp_code. */
export interface AssetCase {
  /** The test's title after `ACnn: `. */
  readonly title: string;
  readonly holding: Holding;
  readonly code: RspCode;
  /** The institution to ask, when not the case's own (an asset of the kind is found only there). */
  readonly org?: string;
  /** The consent to ask under; the subject's usual one when absent. */
  readonly consent?: Partial<ConsentRecord> & { readonly ci?: string };
}
