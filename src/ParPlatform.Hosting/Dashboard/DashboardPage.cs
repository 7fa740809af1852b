namespace ParPlatform.Hosting.Dashboard;

/// <summary>The operations page: a table of resources refreshed from /api/resources every two seconds.</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <title>ParPlatform — Bảng điều khiển vận hành</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2933; }
          h1 { font-size: 1.4rem; margin-bottom: .2rem; }
          .sub { color: #52606d; margin-bottom: 1rem; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
          th { background: #f5f7fa; }
          .Healthy { color: #0b7a3e; font-weight: 600; }
          .Unhealthy, .Failed, .Exited { color: #b42318; font-weight: 600; }
          .Unknown, .Waiting, .Starting, .Restarting, .Stopping { color: #8a6d00; }
          pre { background: #0f172a; color: #e2e8f0; padding: .6rem; max-height: 22rem; overflow: auto; font-size: .8rem; white-space: pre-wrap; }
          .err { color: #b42318; }
          code { font-size: .85rem; }
        </style>
        </head>
        <body>
        <h1>ParPlatform — Bảng điều khiển vận hành</h1>
        <div class="sub">Tài nguyên của nền tảng: trạng thái, tình trạng, tiến trình, số lần khởi động lại, điểm truy cập và nhật ký.
          Dữ liệu JSON: <a href="/api/resources">/api/resources</a>. <span id="updated"></span></div>
        <table>
          <thead><tr><th>Tài nguyên</th><th>Loại</th><th>Trạng thái</th><th>Tình trạng</th><th>PID</th><th>Khởi động lại</th><th>Điểm truy cập</th><th>Chờ</th><th>Đo lường (OTLP)</th></tr></thead>
          <tbody id="rows"></tbody>
        </table>
        <h2 style="font-size:1.1rem">Nhật ký gần nhất</h2>
        <div id="logs"></div>
        <script>
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        const open = new Set();
        async function refresh() {
          try {
            const res = await fetch('/api/resources?lines=200');
            const list = await res.json();
            document.getElementById('rows').innerHTML = list.map(r => `<tr>
              <td><b>${esc(r.name)}</b>${r.error ? `<div class="err">${esc(r.error)}</div>` : ''}</td>
              <td>${esc(r.type)}</td>
              <td class="${esc(r.state)}">${esc(r.state)}</td>
              <td class="${esc(r.health)}">${esc(r.health)}</td>
              <td>${esc(r.processId ?? '–')}</td>
              <td>${esc(r.restarts)}</td>
              <td>${Object.entries(r.endpoints).map(([k, v]) => v.startsWith('http') ? `${esc(k)}: <a href="${esc(v)}">${esc(v)}</a>` : `${esc(k)}: <code>${esc(v)}</code>`).join('<br>')}</td>
              <td>${esc(r.waitsFor.join(', '))}</td>
              <td>${r.telemetry.map(t => `${esc(t.signal)}: ${esc(t.batches)}`).join('<br>')}</td></tr>`).join('');
            document.getElementById('logs').innerHTML = list.map(r => `<details data-name="${esc(r.name)}" ${open.has(r.name) ? 'open' : ''}>
              <summary>${esc(r.name)} (${r.console.length} dòng)</summary><pre>${esc(r.console.join('\n'))}</pre></details>`).join('');
            document.querySelectorAll('details').forEach(d => d.addEventListener('toggle', () => d.open ? open.add(d.dataset.name) : open.delete(d.dataset.name)));
            document.getElementById('updated').textContent = 'Cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN');
          } catch (e) {
            document.getElementById('updated').textContent = 'Không kết nối được với AppHost.';
          }
        }
        refresh();
        setInterval(refresh, 2000);
        </script>
        </body>
        </html>
        """;
}
