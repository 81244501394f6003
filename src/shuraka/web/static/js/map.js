/* Overview: a world map of NATO's partners coloured by framework (d3 + topojson, offline). */
(function () {
  "use strict";
  var svgEl = document.getElementById("world-map");
  var data = window.shuraka.pageData();
  if (!svgEl || !data || !data.map) return;
  var byGeo = {};
  data.map.countries.forEach(function (c) { byGeo[c.geo] = c; });
  var tip = document.getElementById("map-tip");
  var labels = {};
  data.map.legend.forEach(function (g) { labels[g.id] = g.label[window.shuraka.lang()]; });

  function showTip(event, country) {
    if (!tip || !country) return;
    var fw = labels[country.framework] || "";
    tip.textContent = window.shuraka.label(country) + (fw ? " · " + fw : "");
    var box = svgEl.getBoundingClientRect();
    tip.style.left = (event.clientX - box.left + 12) + "px";
    tip.style.top = (event.clientY - box.top + 12) + "px";
    tip.style.display = "block";
  }
  function hideTip() { if (tip) tip.style.display = "none"; }

  function draw(world) {
    var features = topojson.feature(world, world.objects.countries).features
      .filter(function (f) { return f.properties.name !== "Antarctica"; });
    var width = 960, height = 480;
    var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "FeatureCollection", features: features });
    var path = d3.geoPath(projection);
    var svg = d3.select(svgEl).attr("viewBox", "0 0 " + width + " " + height);
    svg.append("g").selectAll("path").data(features).join("path")
      .attr("d", path)
      .attr("data-geo", function (f) { return f.id || f.properties.name; })
      .attr("class", function (f) {
        var c = byGeo[f.id || f.properties.name];
        if (!c) return "country";
        return "country fw fw-" + c.framework + (c.in_kb ? " in-kb" : "");
      })
      .on("mousemove", function (event, f) { showTip(event, byGeo[f.id || f.properties.name]); })
      .on("mouseleave", hideTip)
      .on("click", function (event, f) {
        var c = byGeo[f.id || f.properties.name];
        if (c) window.location.href = window.shuraka.partnerUrl(c.id);
      });
    svgEl.setAttribute("data-ready", "1");
  }

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(draw);
})();
