// The node's console API (same origin). The session is an HttpOnly cookie;
// unsafe requests carry the CSRF token the sign-in returned.
export interface Me {
  user: string;
  role: string;
  node: string;
  agency: string;
  csrf_token: string;
}

export interface Summary {
  id: string;
  type: string;
  name: string;
  created: string;
  modified: string;
  tlp: string;
  labels: string[];
  created_by_ref?: string;
  date_added?: string;
  readable?: boolean;
}

export interface Overview {
  node: string;
  agency: string;
  total: number;
  today: number;
  collections: { id: string; title: string; count: number; today: number }[];
  types: { type: string; count: number }[];
  tlps: { tlp: string; count: number }[];
  origins: { agency: string; agency_name: string; collection: string; collection_title: string; count: number }[];
  partners: {
    name: string;
    agency: string;
    agency_name: string;
    last_success: string;
    last_error: string;
  }[];
}

export interface ObjectPage {
  collection: { id: string; title: string };
  objects: Summary[];
  more: boolean;
  next?: string;
}

export interface Release {
  agency: string;
  name: string;
  release: boolean;
  agreement: string;
  agreement_name: string;
  reason: string;
}

export interface ObjectView {
  object: Record<string, unknown>;
  collection: { id: string; title: string };
  versions: { version: string; date_added: string }[];
  handling: {
    tlp: string;
    categories: string[];
    originator: string;
    originator_name: string;
    originator_control: boolean;
    expires: string;
    releasable_to: { id: string; name: string }[];
  };
  releases: Release[];
  provenance: { received_from: string; received_from_name: string; agreement: string; received: string }[];
  references: Summary[];
  references_total: number;
}

// What went wrong, for people: the kind decides the message's wording.
export class ApiError extends Error {
  constructor(
    readonly kind: "unauthorized" | "forbidden" | "not_found" | "bad_request" | "unreachable" | "server",
    readonly detail: string,
  ) {
    super(detail);
  }
}

let csrfToken = "";

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    throw new ApiError("unreachable", String(error));
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (response.ok) return payload as T;
  const detail =
    payload && typeof payload === "object" && "description" in payload
      ? String((payload as { description: unknown }).description)
      : `HTTP ${response.status}`;
  const kind =
    response.status === 401
      ? "unauthorized"
      : response.status === 403
        ? "forbidden"
        : response.status === 404
          ? "not_found"
          : response.status === 400
            ? "bad_request"
            : response.status >= 502 && response.status <= 504
              ? "unreachable"
              : "server";
  throw new ApiError(kind, detail);
}

export async function signIn(credentials: { user: string; password: string } | { token: string }): Promise<Me> {
  const me = await call<Me>("POST", "/api/v1/session", credentials);
  csrfToken = me.csrf_token;
  return me;
}

export async function currentUser(): Promise<Me> {
  const me = await call<Me>("GET", "/api/v1/session");
  csrfToken = me.csrf_token;
  return me;
}

export async function signOut(): Promise<void> {
  await call("DELETE", "/api/v1/session");
  csrfToken = "";
}

export const overview = () => call<Overview>("GET", "/api/v1/overview");

export function listObjects(filters: Record<string, string>): Promise<ObjectPage> {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  return call<ObjectPage>("GET", "/api/v1/objects" + (query ? "?" + query : ""));
}

export const showObject = (id: string) =>
  call<ObjectView>("GET", "/api/v1/objects/" + encodeURIComponent(id));

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface Graph {
  center: string;
  nodes: Summary[];
  edges: GraphEdge[];
}

export const objectGraph = (id: string) =>
  call<Graph>("GET", "/api/v1/objects/" + encodeURIComponent(id) + "/graph");

export interface MapLocation {
  id: string;
  name?: string;
  country?: string;
  region?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}

export const locations = () =>
  call<{ locations: MapLocation[]; truncated: boolean }>("GET", "/api/v1/locations");

export interface ScreeningCandidate {
  id: string;
  type: string;
  name: string;
  tlp: string;
  score: number;
  matched_name: string;
  summary: string;
  parts: { query_part: string; entry_part: string; similarity: number; how: string }[];
  notes: string[];
}

export function screenName(name: string, dob: string, nationality: string) {
  const query = new URLSearchParams({ name });
  if (dob) query.set("dob", dob);
  if (nationality) query.set("nationality", nationality);
  return call<{ name: string; threshold: number; entries: number; candidates: ScreeningCandidate[] }>(
    "GET",
    "/api/v1/screen?" + query.toString(),
  );
}

export interface Cooperation {
  agreements: {
    id: string;
    name: string;
    highest_tlp: string;
    valid_from: string;
    valid_until: string;
    onward_sharing: boolean;
    withdrawn: boolean;
    in_force: boolean;
    parties: { id: string; name: string }[];
    categories: string[];
  }[];
  problems: string[];
  partners: {
    name: string;
    agency: string;
    agency_name: string;
    url: string;
    agreement: string;
    agreement_name: string;
    push: boolean;
    last_success: string;
    last_error: string;
    last_week: Record<string, number>;
  }[];
}

export const cooperation = () => call<Cooperation>("GET", "/api/v1/cooperation");

export interface AuditRecord {
  sequence: number;
  time: string;
  action: string;
  actor: string;
  partner: string;
  agreement: string;
  detail: string;
}

export const objectAudit = (id: string) =>
  call<{ records: AuditRecord[]; complete: boolean }>("GET", "/api/v1/objects/" + encodeURIComponent(id) + "/audit");

export interface SearchHit {
  rank: number;
  id: string;
  type: string;
  collection: string;
  title: string;
  date: string;
  lang: string;
  score: number;
  snippet: { text: string; highlighted: boolean }[];
}

export interface SearchResults {
  total_estimate: number;
  offset: number;
  notes: string[];
  hits: SearchHit[];
}

export function searchText(filters: Record<string, string>): Promise<SearchResults> {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  return call<SearchResults>("GET", "/api/v1/search?" + query);
}
