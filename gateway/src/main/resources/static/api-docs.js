// Lists the routes of /api/openapi.json as a table. Text only (textContent): the document is
// the gateway's own, but nothing here ever renders HTML from it.
"use strict";
(function () {
  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }
  function show(api) {
    const body = document.querySelector("#api-routes tbody");
    Object.keys(api.paths).sort().forEach(function (path) {
      Object.keys(api.paths[path]).forEach(function (method) {
        const op = api.paths[path][method];
        const row = document.createElement("tr");
        cell(row, method.toUpperCase());
        cell(row, path);
        cell(row, (op.parameters || []).map(function (p) { return p.name; }).join(", "));
        cell(row, Object.keys(op.responses || {}).join(" "));
        body.appendChild(row);
      });
    });
    document.getElementById("api-state").textContent =
      api.info.title + " (OpenAPI " + api.openapi + ")";
  }
  fetch("/api/openapi.json")
    .then(function (r) { return r.json(); })
    .then(show)
    .catch(function (e) { document.getElementById("api-state").textContent = String(e); });
})();
