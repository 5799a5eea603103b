// Charts of the dashboard module: data comes as JSON embedded by the server (the CSP allows no inline script).
(() => {
  'use strict';

  const GRADE_COLOURS = { A: '#1a7f37', B: '#4d8f1f', C: '#9a6700', D: '#bc4c00', F: '#cf222e', none: '#6e7781' };

  // The JSON sits in a data attribute of an inert <script type="application/json">: Thymeleaf escapes
  // th:text inside <script> as HTML, which the browser would not decode, while attribute values are decoded.
  const read = id => {
    const element = document.getElementById(id);
    return element && element.dataset.json ? JSON.parse(element.dataset.json) : null;
  };

  const alpha = (hex, a) => {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
  };

  // Shades the A–F score ranges behind a line chart: options.plugins.gradeBands = {a: 85, b: 70, c: 55, d: 40}.
  const gradeBands = {
    id: 'gradeBands',
    beforeDatasetsDraw(chart, args, options) {
      // The server sends the active model's bands keyed by grade letter: {A: 85, B: 70, C: 55, D: 40}.
      const bands = options && { a: Number(options.A ?? options.a), b: Number(options.B ?? options.b),
        c: Number(options.C ?? options.c), d: Number(options.D ?? options.d) };
      if (!bands || Number.isNaN(bands.a)) {
        return;
      }
      const { ctx, chartArea, scales: { y } } = chart;
      const ranges = [['A', bands.a, 100], ['B', bands.b, bands.a], ['C', bands.c, bands.b],
        ['D', bands.d, bands.c], ['F', 0, bands.d]];
      ctx.save();
      ranges.forEach(([grade, from, to]) => {
        const top = Math.max(y.getPixelForValue(to), chartArea.top);
        const bottom = Math.min(y.getPixelForValue(from), chartArea.bottom);
        if (bottom <= top) {
          return;
        }
        ctx.fillStyle = alpha(GRADE_COLOURS[grade], 0.13);
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        ctx.fillStyle = alpha(GRADE_COLOURS[grade], 0.9);
        ctx.font = 'bold 12px system-ui, sans-serif';
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(grade, chartArea.right - 4, (top + bottom) / 2);
      });
      ctx.restore();
    }
  };

  const base = () => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: document.documentElement.lang || 'en'
  });

  function gradeChart() {
    const data = read('grade-data');
    const canvas = document.getElementById('grade-chart');
    if (!data || !canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ data: data.counts, backgroundColor: data.grades.map(g => GRADE_COLOURS[g]) }]
      },
      options: { ...base(), plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function trendChart() {
    const data = read('trend-data');
    const canvas = document.getElementById('trend-chart');
    if (!data || !canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [{ label: data.label, data: data.scores, borderColor: '#0d6efd', backgroundColor: '#0d6efd',
          tension: 0.2, spanGaps: true, pointRadius: 3 }]
      },
      options: { ...base(), plugins: { legend: { display: false }, gradeBands: data.bands },
        scales: { y: { min: 0, max: 100 } } },
      plugins: [gradeBands]
    });
  }

  const SERIES_COLOURS = ['#0d6efd', '#d63384', '#6c757d'];

  function metricCharts() {
    const data = read('metrics-data');
    if (!data) {
      return;
    }
    document.querySelectorAll('canvas.metric-chart').forEach(canvas => {
      const series = data[canvas.dataset.series] || [];
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: data.labels,
          datasets: series.map((s, i) => ({ label: s.label, data: s.data, borderColor: SERIES_COLOURS[i],
            backgroundColor: SERIES_COLOURS[i], spanGaps: true, pointRadius: 2, tension: 0.2 }))
        },
        options: { ...base(), plugins: { legend: { display: series.length > 1, position: 'bottom' } },
          scales: { y: { beginAtZero: true } } }
      });
    });
  }

  function paretoCharts() {
    const data = read('pareto-data');
    if (!data) {
      return;
    }
    const curves = document.getElementById('pareto-curves');
    if (curves) {
      const labels = curves.dataset;
      new Chart(curves, {
        type: 'scatter',
        data: {
          datasets: [
            { label: labels.revenue, data: data.revenue, showLine: true, borderColor: '#0d6efd',
              backgroundColor: '#0d6efd', pointRadius: 0 },
            { label: labels.effort, data: data.effort, showLine: true, borderColor: '#cf222e',
              backgroundColor: '#cf222e', pointRadius: 0 },
            { label: labels.diagonal, data: [{ x: 0, y: 0 }, { x: 100, y: 100 }], showLine: true,
              borderColor: '#adb5bd', borderDash: [4, 4], pointRadius: 0 }
          ]
        },
        options: { ...base(), scales: {
          x: { min: 0, max: 100, title: { display: true, text: labels.x } },
          y: { min: 0, max: 100, title: { display: true, text: labels.y } } } }
      });
    }
    const scatter = document.getElementById('pareto-scatter');
    if (scatter) {
      const labels = scatter.dataset;
      const others = data.scatter.filter(p => !p.drain);
      const drains = data.scatter.filter(p => p.drain);
      new Chart(scatter, {
        type: 'scatter',
        data: {
          datasets: [
            { label: labels.client, data: others, backgroundColor: alpha('#0d6efd', 0.6), pointRadius: 4 },
            { label: labels.drain, data: drains, backgroundColor: '#cf222e', pointRadius: 6, pointStyle: 'triangle' }
          ]
        },
        options: { ...base(),
          scales: { x: { beginAtZero: true, title: { display: true, text: labels.x } },
            y: { beginAtZero: true, title: { display: true, text: labels.y } } },
          plugins: { tooltip: { callbacks: { label: item => `${item.raw.name}: ${item.raw.x}% / ${item.raw.y}%` } } },
          onHover: (event, elements) => {
            event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
          },
          onClick: (event, elements, chart) => {
            if (elements.length) {
              const point = chart.data.datasets[elements[0].datasetIndex].data[elements[0].index];
              window.location.assign(point.href);
            }
          } }
      });
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const print = document.getElementById('print-scorecard');
    if (print) {
      print.addEventListener('click', () => window.print());
    }
    if (!window.Chart) {
      return;
    }
    gradeChart();
    trendChart();
    metricCharts();
    paretoCharts();
  });
})();
