/// The site page's inline style sheet: a product page on a screen, one column on a phone, black
/// on white on paper.
enum SitePageStyle {
    /// Bar colours of the pipeline and lapsed charts.
    static let due = "#1f6feb"
    static let lapsed = "#d9480f"

    static let css = """
        :root{--ink:#1b2430;--muted:#5b6b7f;--line:#e3e8ef;--band:#0b2545;--soft:#f5f7fa}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
        color:var(--ink);background:#fff}
        .wrap{max-width:1120px;margin:0 auto;padding:0 20px}
        .top{background:var(--band);color:#fff;padding:28px 0 22px}
        .eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#9fb3c8}
        h1{margin:4px 0 14px;font-size:28px;line-height:1.2;overflow-wrap:anywhere}
        .facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0}
        .facts div{min-width:0}.facts dt{font-size:12px;color:#9fb3c8}.facts dd{margin:0;font-weight:600}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:14px;margin:24px 0 8px}
        .card{border:1px solid var(--line);border-radius:10px;padding:14px 16px;background:var(--soft)}
        .card p{margin:0;color:var(--muted)}.card .big{font-size:24px;font-weight:700;color:var(--ink)}
        .card .amounts{font-size:15px;font-weight:700;color:var(--ink);font-variant-numeric:tabular-nums}
        .card.due{border-top:4px solid #4c8dff}.card.amount{border-top:4px solid #2f9e44}
        .card.lapsed{border-top:4px solid #f76707}.card.files{border-top:4px solid #7048e8}
        section{margin:28px 0}
        h2{font-size:20px;margin:0 0 4px}
        .note{margin:0 0 12px;color:var(--muted)}
        .chart-row{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start;margin:0}
        .plot{flex:1 1 400px;min-width:0}.chart-row .scroll{flex:1 1 360px}
        .chart{width:100%;height:auto;display:block}
        .chart .axis{font-size:11px;fill:#5b6b7f}.chart .value{font-size:11px;font-weight:600;fill:#1b2430}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:14px}
        caption{text-align:left;font-weight:600;padding:0 0 6px}
        th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{background:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
        tbody th{font-weight:600}.chart-row tbody th,.changes,.pair{white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .id{display:block;font-weight:400;font-size:12px;color:var(--muted);font-family:ui-monospace,Menlo,monospace}
        .links a{display:inline-block;margin:0 2px 4px 0;padding:1px 8px;border:1px solid #b6c2d2;border-radius:6px;\
        text-decoration:none;color:#0b4fae;font-weight:600;font-size:13px}
        .links a:hover{background:#eaf2ff}
        .size{font-size:12px;color:var(--muted);margin-right:10px}
        .chg{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;font-weight:600;white-space:nowrap}
        .chg.a{background:#e6f6ea;color:#1e7a34}.chg.c{background:#fff4e0;color:#9a5b00}
        .chg.d{background:#fde8e8;color:#b42318}
        .none{color:var(--muted)}
        footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);margin-top:36px;padding-top:12px}
        a{color:#0b4fae}
        @media (max-width:600px){body{font-size:14px}h1{font-size:22px}.wrap{padding:0 12px}th,td{padding:5px 6px}\
        .files thead{display:none}.files tr{display:block;border-bottom:1px solid var(--line);padding:8px 0}\
        .files th,.files td{display:block;border:none;padding:2px 0;text-align:left}\
        .files td.num::before{content:"Rows: ";color:var(--muted)}}
        @media print{.top{background:none;color:#000;padding:0}.eyebrow,.facts dt{color:#444}\
        .card{background:none}.links a{border:none;padding:0;color:#000}section{break-inside:avoid}}
        """
}
