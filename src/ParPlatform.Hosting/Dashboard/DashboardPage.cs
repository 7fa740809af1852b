namespace ParPlatform.Hosting.Dashboard;

/// <summary>
/// The operations page: a table of resources refreshed from /api/resources every two seconds,
/// and the error queues (/api/error-queues) with their replay buttons, read on demand.
/// </summary>
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
          .note { font-size: .8rem; color: #475467; }
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
        <h2 style="font-size:1.1rem">Hàng đợi lỗi</h2>
        <div class="sub">Thông điệp đã hết lượt thử lại, trong các hàng đợi <code>…_error</code> của RabbitMQ. «Chạy lại» gửi thông điệp về hàng đợi gốc
          và chỉ xoá nó khỏi hàng đợi lỗi khi RabbitMQ đã xác nhận. <button id="errors-refresh">Làm mới</button> <span id="errors-status"></span></div>
        <div id="errors"></div>
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
              <td class="${esc(r.health)}">${esc(r.health)}${r.healthNotes.map(n => `<div class="note">${esc(n)}</div>`).join('')}</td>
              <td>${esc(r.processId ?? '–')}</td>
              <td>${esc(r.restarts)}</td>
              <td>${Object.entries(r.endpoints).map(([k, v]) => v.startsWith('http') ? `${esc(k)}: <a href="${esc(v)}">${esc(v)}</a>` : `${esc(k)}: <code>${esc(v)}</code>`).join('<br>')}</td>
              <td>${esc(r.waitsFor.join(', '))}</td>
              <td>${r.telemetry.map(t => `${esc(t.signal)}: ${esc(t.batches)}`).join('<br>')}</td></tr>`).join('');
            document.getElementById('logs').innerHTML = list.map(r => `<details data-name="${esc(r.name)}" ${open.has(r.name) ? 'open' : ''}>
              <summary>${esc(r.name)} (${r.console.length} dòng)</summary><pre>${esc(r.console.join('\n'))}</pre></details>`).join('');
            document.querySelectorAll('#logs details').forEach(d => d.addEventListener('toggle', () => d.open ? open.add(d.dataset.name) : open.delete(d.dataset.name)));
            document.getElementById('updated').textContent = 'Cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN');
          } catch (e) {
            document.getElementById('updated').textContent = 'Không kết nối được với AppHost.';
          }
        }
        refresh();
        setInterval(refresh, 2000);

        async function loadErrors(note) {
          const status = document.getElementById('errors-status');
          try {
            const res = await fetch('/api/error-queues');
            const body = await res.json();
            if (!res.ok) {
              status.textContent = body.detail ?? body.title;
              return;
            }
            document.getElementById('errors').innerHTML = body.length === 0 ? '<p>Không có hàng đợi lỗi.</p>' : body.map(q => `
              <h3 style="font-size:1rem">${esc(q.name)} — ${esc(q.messageCount)} thông điệp
                ${q.messageCount > 0 ? `<button data-queue="${esc(q.name)}">Chạy lại tất cả</button>` : ''}</h3>
              <table><thead><tr><th>Mã thông điệp</th><th>Thời điểm</th><th>Lỗi</th><th>Số lần thử lại</th><th>Bộ xử lý</th><th></th></tr></thead>
              <tbody>${q.messages.map(m => `<tr>
                <td><code>${esc(m.messageId ?? '–')}</code></td>
                <td>${m.failedAt ? esc(new Date(m.failedAt).toLocaleString('vi-VN')) : '–'}</td>
                <td><b>${esc(m.exceptionType)}</b><div class="err">${esc(m.exceptionMessage)}</div>
                  <details><summary>Chi tiết</summary><pre>${esc(m.stackTrace)}</pre><pre>${esc(m.body)}</pre></details></td>
                <td>${esc(m.retryCount ?? '–')}</td>
                <td>${esc(m.consumerType ?? '–')}</td>
                <td>${m.messageId ? `<button data-queue="${esc(q.name)}" data-message="${esc(m.messageId)}">Chạy lại</button>` : ''}</td></tr>`).join('')}</tbody></table>
              ${q.messageCount > q.messages.length ? `<p>${q.messages.length}/${esc(q.messageCount)} thông điệp đầu tiên.</p>` : ''}`).join('');
            status.textContent = (note ? note + ' ' : '') + 'Cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN');
          } catch (e) {
            status.textContent = 'Không đọc được hàng đợi lỗi.';
          }
        }
        document.getElementById('errors-refresh').addEventListener('click', () => loadErrors());
        document.getElementById('errors').addEventListener('click', async e => {
          const button = e.target.closest('button');
          if (!button) return;
          const queue = encodeURIComponent(button.dataset.queue);
          const one = button.dataset.message;
          if (!one && !confirm(`Chạy lại tất cả thông điệp của ${button.dataset.queue}?`)) return;
          button.disabled = true;
          const res = await fetch(one ? `/api/error-queues/${queue}/messages/${encodeURIComponent(one)}/replay` : `/api/error-queues/${queue}/replay`, { method: 'POST' });
          const body = await res.json();
          await loadErrors(res.ok ? `Đã chạy lại ${body.replayed} thông điệp.` : `Không chạy lại được: ${body.detail ?? body.title}`);
        });
        loadErrors();
        </script>
        </body>
        </html>
        """;
}
