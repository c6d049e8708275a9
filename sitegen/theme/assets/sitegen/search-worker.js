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
const PAUSE = 60; // ms of no typing before a query is searched (each keystroke sends one)

let pagefind = null;
let latest = 0;

async function setup() {
  const url = new URL("../../pagefind/pagefind.js", self.location.href);
  pagefind = await import(url.href);
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
}

function words(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function plain(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function names(data) {
  return words(`${data.meta.title || ""} ${plain(data.meta.names || "")}`);
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

async function answer(query, id) {
  await new Promise((resolve) => setTimeout(resolve, PAUSE));
  if (id !== latest) return null; // typing went on: only the last query is searched
  const found = await pagefind.search(query);
  if (id !== latest || !found) return null;
  const data = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
  if (id !== latest) return null;
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

let ready = null;

addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    ready = ready || setup();
    await ready;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const id = ++latest;
    ready = ready || setup();
    await ready;
    const query = String(message.data || "").trim();
    const result = query ? await answer(query, id) : { items: [] };
    if (result !== null && id === latest) postMessage({ type: RESULT, data: result });
  }
});
