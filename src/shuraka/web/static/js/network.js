/* Network: NATO, its frameworks, the partners and their cooperation areas (d3-force). */
(function () {
  "use strict";
  var svgEl = document.getElementById("network");
  var data = window.shuraka.pageData();
  if (!svgEl || !data || !data.graph) return;
  var graph = data.graph;
  var nodes = graph.nodes.map(function (n) { return Object.assign({}, n); });
  var links = graph.links.map(function (l) { return Object.assign({}, l); });
  var width = svgEl.clientWidth || 960, height = svgEl.clientHeight || 640;
  var radius = { nato: 18, party: 13, framework: 12, partner: 8, area: 5 };
  var tip = document.getElementById("network-tip");

  var neighbours = {};
  links.forEach(function (l) {
    (neighbours[l.source] = neighbours[l.source] || {})[l.target] = true;
    (neighbours[l.target] = neighbours[l.target] || {})[l.source] = true;
  });

  var svg = d3.select(svgEl).attr("viewBox", [-width / 2, -height / 2, width, height].join(" "));
  var sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(function (d) { return d.id; })
      .distance(function (l) { return l.kind === "area" ? 90 : 80; }).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-320))
    .force("collide", d3.forceCollide().radius(function (d) { return radius[d.kind] + 4; }))
    .force("x", d3.forceX().strength(0.03))
    .force("y", d3.forceY().strength(0.05));

  var link = svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", function (l) { return "link " + l.kind; });
  var node = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", function (d) { return "node " + d.kind; })
    .attr("data-id", function (d) { return d.id; })
    .call(d3.drag()
      .on("start", function (event, d) { if (!event.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on("drag", function (event, d) { d.fx = event.x; d.fy = event.y; })
      .on("end", function (event, d) { if (!event.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  node.append("circle")
    .attr("r", function (d) { return radius[d.kind]; })
    .attr("class", function (d) { return d.framework ? "fw-" + d.framework : null; });
  node.filter(function (d) { return d.kind !== "area"; }).append("text")
    .attr("dy", function (d) { return -radius[d.kind] - 3; })
    .attr("text-anchor", "middle")
    .text(function (d) { return window.shuraka.label(d); });

  function focus(d) {
    var near = neighbours[d.id] || {};
    node.classed("dim", function (n) { return n.id !== d.id && !near[n.id]; });
    link.classed("dim", function (l) { return l.source.id !== d.id && l.target.id !== d.id; });
  }
  function unfocus() { node.classed("dim", false); link.classed("dim", false); hideTip(); }
  function showTip(event, d) {
    if (!tip) return;
    tip.textContent = window.shuraka.label(d);
    var box = svgEl.getBoundingClientRect();
    tip.style.left = (event.clientX - box.left + 12) + "px";
    tip.style.top = (event.clientY - box.top + 12) + "px";
    tip.style.display = "block";
  }
  function hideTip() { if (tip) tip.style.display = "none"; }

  node.on("mouseenter", function (event, d) { focus(d); showTip(event, d); })
    .on("mouseleave", unfocus)
    .on("click", function (event, d) {
      if (d.kind === "partner") window.location.href = window.shuraka.partnerUrl(d.id);
    });

  function clamp(d) {
    var pad = radius[d.kind] + 14;
    d.x = Math.max(-width / 2 + pad, Math.min(width / 2 - pad, d.x));
    d.y = Math.max(-height / 2 + pad + 10, Math.min(height / 2 - pad, d.y));
  }
  sim.on("tick", function () {
    nodes.forEach(clamp);
    link.attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; });
    node.attr("transform", function (d) { return "translate(" + d.x + "," + d.y + ")"; });
  });
  sim.on("end", function () { svgEl.setAttribute("data-ready", "1"); });
  setTimeout(function () { svgEl.setAttribute("data-ready", "1"); }, 1500);
})();
