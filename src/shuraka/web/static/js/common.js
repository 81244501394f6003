/* Shared helpers: read the page's embedded JSON (never evaluated, only parsed). */
(function () {
  "use strict";
  function pageData() {
    var el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  }
  function lang() {
    return document.documentElement.lang === "en" ? "en" : "ar";
  }
  function label(item) {
    if (!item) return "";
    var first = lang() === "en" ? item.name_en : item.name_ar;
    var second = lang() === "en" ? item.name_ar : item.name_en;
    return first || second || item.id || "";
  }
  function partnerUrl(id) {
    return "/partner/" + encodeURIComponent(id);
  }
  window.shuraka = { pageData: pageData, lang: lang, label: label, partnerUrl: partnerUrl };
})();
