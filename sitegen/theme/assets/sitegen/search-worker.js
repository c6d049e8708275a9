/*
 * sitegen's search worker: Material for MkDocs' search box and result list, answered from
 * Pagefind's chunked index (pagefind/ in the built site), so a query fetches only the index
 * chunks and result excerpts it needs, whatever the size of the site.
 *
 * It speaks the message protocol of Material's own search worker, which Material documents
 * as the way to plug in another search: SETUP (0) is answered with READY (1), QUERY (2) with
 * RESULT (3), whose data is {items: [[page, ...sections], ...]}.
 *
 * Pages sitegen gives a name (people, organizations, places, topics) carry Pagefind's meta
 * "named"; when every word of the query starts a word of their name or an alias, they come
 * first, as Material's search boost put them first before.
 */
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const SHOWN = 12; // results whose titles and excerpts are fetched for one query
const SECTIONS = 3; // headings of a page shown under it
const RANK_PAGE_LENGTH = 0.2; // Pagefind's default 0.75: how much a long page ranks down
const PREFIX = 2; // letters a word needs before it is searched as the start of words

// The query as searched: a last word shorter than PREFIX is left out until the next letter
// ("k" or "Kofi A" would match the start of most words of the site: large index chunks, slow,
// and no use to the reader).
function searched(query) {
  const parts = query.trim().split(/\s+/).filter(Boolean);
  if (parts.length && parts[parts.length - 1].length < PREFIX) parts.pop();
  return parts.join(" ");
}

let pagefind = null;

// a long page (the most mentioned names have the longest) is not ranked down for its length
const OPTIONS = { baseUrl: "/", ranking: { pageLength: RANK_PAGE_LENGTH } };

async function setup() {
  const bundle = new URL("../../pagefind/", self.location.href);
  pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options(OPTIONS);
  await pagefind.init();
  // a large site is indexed in parts (sitegen/search.py): the first is this bundle, the
  // others are listed beside it and searched with it, their results ranked together
  const listed = await fetch(new URL("sitegen-parts.json", bundle));
  const parts = listed.ok ? await listed.json() : [];
  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, bundle).href, OPTIONS)));
}

function words(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function plain(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

// A name's words, without what tells two of the same name apart ("Kurd (Oil prices reach…)",
// the article naming the second): the query must name the page, not its article.
function names(data) {
  const named = `${data.meta.title || ""} · ${plain(data.meta.names || "")}`;
  return words(named.replace(/\([^)]*\)/g, " "));
}

function namedMatch(data, query) {
  if (!data.meta.named) return false;
  const known = names(data);
  return query.every((word) => known.some((name) => name.startsWith(word)));
}

function sitePath(url) {
  return url.replace(/^\//, "");
}

function group(data, terms) {
  const page = {
    location: sitePath(data.url),
    title: data.meta.title || data.url,
    text: data.excerpt,
    score: 1,
    terms,
  };
  const sections = (data.sub_results || [])
    .filter((sub) => sub.url !== data.url && sub.url.includes("#"))
    .slice(0, SECTIONS)
    .map((sub, index) => ({
      location: sitePath(sub.url),
      title: sub.title,
      text: sub.excerpt,
      score: 1 - (index + 1) / (SECTIONS + 1),
      terms,
    }));
  return [page, ...sections];
}

async function answer(query) {
  const found = await pagefind.search(query);
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
  const asked = words(query);
  const terms = Object.fromEntries(asked.map((word) => [word, true]));
  // named pages the query names first: people, organizations, places (boost 3) before
  // topics (2), the most mentioned first; then Pagefind's order
  const rank = (item) => (namedMatch(item, asked) ? Number(item.meta.named) || 1 : 0);
  const ranked = data
    .map((item, index) => ({ item, index, named: rank(item), weight: Number(item.meta.weight) || 0 }))
    .sort((a, b) => b.named - a.named || (a.named ? b.weight - a.weight : 0) || a.index - b.index);
  return { items: ranked.map(({ item }) => group(item, terms)) };
}

// Results as you type, as Material's own search gives them: each query is searched in turn and
// its results shown, so the first result appears while the reader is still typing. A query
// asked while one is searched waits, and only the newest waiting one is searched next (a
// reader typing fast skips the queries in between); its index chunks are fetched at once.
let waiting = null;
let searching = false;
let last = null; // the query searched last (Material asks again on focus and on keys that add nothing)

async function searchInTurn() {
  searching = true;
  while (waiting !== null) {
    const query = waiting;
    waiting = null;
    last = query;
    const result = query ? await answer(query) : { items: [] };
    if (result !== null) postMessage({ type: RESULT, data: result });
  }
  searching = false;
}

let ready = null;

addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    ready = ready || setup();
    await ready;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    ready = ready || setup();
    await ready;
    const query = searched(String(message.data || ""));
    if (query === last && waiting === null) return;
    waiting = query;
    if (query) pagefind.preload(query);
    if (!searching) searchInTurn();
  }
});
