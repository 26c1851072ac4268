// The console's only script: GOV.UK Frontend's components, htmx's CSRF header, charts from data blocks.
// Pages work without it (server-rendered); with it they update live (htmx + server-sent events) and draw charts.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// htmx requests that write carry Spring Security's CSRF token, as forms do.
document.body.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A chart: <div class="console-chart" data-chart-option="{ECharts option as JSON}">, or
// <div class="console-chart" data-chart="id"> with <script type="application/json" id="id"> holding the option (a data
// block: not executed, CSP-safe). Content that htmx swaps in must use the attribute: htmx drops <script> elements from
// what it swaps when script tags are off (htmx-config allowScriptTags: false).
// Drawn on load and again whenever htmx swaps new content in.
function drawCharts(root) {
  if (!window.echarts) {
    return;
  }
  root.querySelectorAll('.console-chart[data-chart-option], .console-chart[data-chart]').forEach((element) => {
    let option = element.dataset.chartOption;
    if (!option) {
      const data = document.getElementById(element.dataset.chart);
      option = data ? data.textContent : null;
    }
    if (!option) {
      return;
    }
    const existing = window.echarts.getInstanceByDom(element);
    const chart = existing || window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(option), true);
  });
}
window.addEventListener('load', () => drawCharts(document));
document.body.addEventListener('htmx:afterSwap', () => drawCharts(document));

// A live part whose session has ended answers 401 (it cannot follow the redirect to the issuer): reload the page,
// which signs the person in again and comes back here.
document.body.addEventListener('htmx:responseError', (event) => {
  if (event.detail.xhr && event.detail.xhr.status === 401) {
    window.location.reload();
  }
});
