/// The one style sheet: served by esp itself (nothing from outside), large type and touch targets of at least 48 px,
/// contrast above WCAG AA, one column on a phone, readable at 200 % zoom, and a print style without menus or forms.
enum Stylesheet {
    static let css = """
        @font-face { font-family: "DejaVu Sans"; src: local("DejaVu Sans"), url("/assets/DejaVuSans.ttf"); font-weight: 400; }
        @font-face { font-family: "DejaVu Sans"; src: local("DejaVu Sans Bold"), url("/assets/DejaVuSans-Bold.ttf"); font-weight: 700; }
        *, *::before, *::after { box-sizing: border-box; }
        html { font-size: 112.5%; -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; line-height: 1.5; color: #1b1b1b; background: #f4f5f7; }
        a { color: #0b4f8a; text-underline-offset: 0.15em; }
        a:hover { color: #063256; }
        :focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd84d; }
        .skip { position: absolute; left: -999px; top: 0; background: #ffd84d; color: #1b1b1b; padding: 0.75rem 1rem; z-index: 10; }
        .skip:focus { left: 0.5rem; }
        header.top { background: #0b3d66; color: #fff; }
        header.top nav { max-width: 62rem; margin: 0 auto; padding: 0.25rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; }
        header.top .brand { color: #fff; font-weight: 700; font-size: 1.3rem; text-decoration: none; padding: 0.5rem 0; }
        header.top ul { list-style: none; display: flex; flex-wrap: wrap; margin: 0; padding: 0; gap: 0 0.25rem; flex: 1; }
        header.top li a { display: inline-block; color: #fff; padding: 0.6rem 0.6rem; min-height: 48px; text-decoration: none; border-bottom: 4px solid transparent; }
        header.top li a[aria-current="page"] { border-bottom-color: #ffd84d; font-weight: 700; }
        header.top li a:hover { text-decoration: underline; color: #fff; }
        header.top form.language button { background: transparent; color: #fff; border: 2px solid #fff; min-height: 44px; padding: 0.3rem 0.8rem; font: inherit; border-radius: 6px; cursor: pointer; }
        main { display: block; max-width: 62rem; margin: 0 auto; padding: 1rem 1rem 3rem; overflow-wrap: break-word; }
        .advice li, .advice p, .message li, .small { overflow-wrap: anywhere; }
        main:focus { outline: none; }
        footer.bottom { max-width: 62rem; margin: 0 auto; padding: 1rem; color: #444; font-size: 0.9rem; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.75rem 0 1rem; }
        h2 { font-size: 1.35rem; margin: 1.75rem 0 0.75rem; }
        h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
        p, ul, ol, dl { margin: 0 0 0.9rem; }
        .card { background: #fff; border: 1px solid #c9ccd1; border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1.25rem 0; }
        .button, button.button { display: inline-flex; align-items: center; justify-content: center; min-height: 48px; min-width: 48px; padding: 0.6rem 1.25rem; font: inherit; font-weight: 700; border-radius: 6px; border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; text-decoration: none; cursor: pointer; }
        .button:hover { background: #063256; border-color: #063256; color: #fff; }
        .button.secondary { background: #fff; color: #0b4f8a; }
        .button.secondary:hover { background: #e8f0f8; color: #063256; }
        .button.danger { background: #fff; color: #a4001d; border-color: #a4001d; }
        .inline-form { display: inline; margin: 0; }
        .message { border-left: 6px solid; padding: 0.6rem 1rem; margin: 0 0 1rem; background: #fff; }
        .message p:last-child, .message ul:last-child { margin-bottom: 0; }
        .message.error { border-color: #a4001d; background: #fdecee; }
        .message.warning { border-color: #8a5a00; background: #fff6e0; }
        .message.info { border-color: #0b4f8a; background: #e8f0f8; }
        .message.ok { border-color: #1e6b35; background: #e7f4ea; }
        ol.steps { position: relative; list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; margin: 0 0 1.25rem; counter-reset: step; }
        ol.steps li { counter-increment: step; position: relative; }
        ol.steps li > a, ol.steps li > span { display: inline-flex; align-items: center; min-height: 44px; padding: 0.35rem 0.7rem; border-radius: 22px; border: 2px solid #8a8f96; background: #fff; color: #1b1b1b; text-decoration: none; font-size: 0.9rem; }
        ol.steps li > *::before { content: counter(step) ". "; font-weight: 700; margin-right: 0.25rem; }
        ol.steps li.done > a { border-color: #1e6b35; }
        ol.steps li.done > a::after { content: " ✓"; color: #1e6b35; font-weight: 700; }
        ol.steps li.current > * { background: #0b4f8a; color: #fff; border-color: #0b4f8a; font-weight: 700; }
        ol.steps li.ahead > span { color: #4a4f55; border-style: dashed; }
        ol.steps li.skipped > span { color: #4a4f55; text-decoration: line-through; }
        form.visit-form { background: #fff; border: 1px solid #c9ccd1; border-radius: 8px; padding: 1rem 1.25rem; }
        .field { margin: 0 0 1.5rem; padding-left: 0; }
        .field.has-error { border-left: 5px solid #a4001d; padding-left: 0.9rem; }
        .field.is-new { border-left: 5px solid #0b4f8a; padding-left: 0.9rem; }
        .field > label, .field legend { display: block; font-weight: 700; margin-bottom: 0.25rem; font-size: 1.05rem; }
        fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
        .help { color: #3d4248; margin: 0 0 0.4rem; font-size: 0.95rem; }
        .hint { color: #3d4248; margin: 0.3rem 0 0; font-size: 0.9rem; }
        .error-text { color: #a4001d; font-weight: 700; margin: 0 0 0.4rem; }
        .notice-text { color: #0b3d66; font-weight: 700; margin: 0 0 0.4rem; }
        .warning-text { color: #6b4600; background: #fff6e0; padding: 0.3rem 0.6rem; margin: 0.4rem 0 0; border-radius: 4px; }
        .note-text { color: #1e6b35; margin: 0.3rem 0 0; font-size: 0.95rem; }
        input[type="text"], select, textarea { font: inherit; font-size: 1.05rem; min-height: 48px; padding: 0.45rem 0.6rem; border: 2px solid #1b1b1b; border-radius: 4px; background: #fff; color: #1b1b1b; max-width: 100%; }
        textarea { width: 100%; min-height: 6rem; }
        .has-error input, .has-error select { border-color: #a4001d; border-width: 3px; }
        .with-unit { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
        .with-unit input { width: 12rem; }
        .unit { font-weight: 700; color: #2b2f33; }
        input.wide { width: 24rem; }
        .choices { display: grid; gap: 0.4rem; }
        .choices.inline { grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); }
        .choice { display: flex; align-items: center; gap: 0.6rem; min-height: 48px; padding: 0.35rem 0.75rem; border: 2px solid #8a8f96; border-radius: 6px; background: #fff; cursor: pointer; }
        .choice:has(input:checked) { border-color: #0b4f8a; background: #e8f0f8; }
        .choice > span { min-width: 0; overflow-wrap: break-word; }
        .choice input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; accent-color: #0b4f8a; }
        .row-fields { display: grid; grid-template-columns: 2fr 1fr 1fr 2fr 1fr; gap: 0.5rem; align-items: end; }
        .row-fields.standby { grid-template-columns: 3fr 1fr 1fr; }
        .row-fields.showers { grid-template-columns: 1fr 1fr; max-width: 30rem; }
        .row-fields.period { grid-template-columns: 1fr 1fr 1fr; max-width: 44rem; }
        .row-fields label { display: block; font-size: 0.85rem; font-weight: 400; margin-bottom: 0.15rem; color: #2b2f33; }
        .row-fields input, .row-fields select { width: 100%; }
        .row { border: 1px solid #c9ccd1; border-radius: 6px; padding: 0.6rem 0.75rem; margin-bottom: 0.6rem; }
        .row legend { font-weight: 700; padding: 0 0.25rem; }
        .checkbox-line { display: flex; gap: 0.6rem; align-items: center; min-height: 48px; }
        .checkbox-line input { width: 1.4rem; height: 1.4rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
        .facts dt { font-weight: 700; }
        .facts dd { margin: 0; }
        .table-wrap { overflow-x: auto; margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        caption { text-align: left; font-weight: 700; padding: 0.4rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid #c9ccd1; }
        thead th { border-bottom: 2px solid #1b1b1b; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem; margin: 0 0 1rem; }
        .figure { background: #fff; border: 1px solid #c9ccd1; border-radius: 8px; padding: 0.75rem 1rem; }
        .figure .value { display: block; font-size: 1.25rem; font-weight: 700; }
        .figure .label { display: block; color: #3d4248; font-size: 0.95rem; }
        .chart { background: #fff; border: 1px solid #c9ccd1; border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
        .chart h3 { margin-top: 0; }
        .bar-row { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr max-content; gap: 0.6rem; align-items: center; margin: 0.3rem 0; }
        .bar-track { background: #e6e8eb; height: 1.4rem; border-radius: 3px; overflow: hidden; }
        .bar-track svg { display: block; width: 100%; height: 1.4rem; }
        .scale { display: flex; gap: 2px; margin: 0.5rem 0 1rem; }
        .scale span { flex: 1; text-align: center; padding: 0.4rem 0; font-weight: 700; color: #1b1b1b; border: 2px solid transparent; }
        .scale .c0 { background: #9fd3a8; } .scale .c1 { background: #b8dca0; } .scale .c2 { background: #d6e59a; }
        .scale .c3 { background: #f3e38f; } .scale .c4 { background: #f6c98a; } .scale .c5 { background: #f2a98a; } .scale .c6 { background: #ec8f8f; }
        .scale .here { border-color: #1b1b1b; outline: 3px solid #1b1b1b; }
        .advice[dir="rtl"] { text-align: right; }
        .step-card { border-top: 1px solid #c9ccd1; padding-top: 0.6rem; margin-top: 0.6rem; }
        .small { font-size: 0.9rem; color: #3d4248; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        ul.plain { list-style: none; padding: 0; }
        ul.plain li { margin: 0 0 0.5rem; }
        @media (max-width: 40rem) {
          html { font-size: 106.25%; }
          main { padding: 0.75rem 0.75rem 2rem; }
          .row-fields, .row-fields.standby, .row-fields.period { grid-template-columns: 1fr 1fr; }
          header.top ul { flex: 1 1 100%; order: 3; }
          header.top li a { padding: 0.6rem 0.45rem; white-space: nowrap; }
          ol.steps { flex-wrap: nowrap; overflow-x: auto; padding-bottom: 0.3rem; }
          ol.steps li > a, ol.steps li > span { white-space: nowrap; }
          .row-fields .room, .row-fields .label { grid-column: 1 / -1; }
          .with-unit input { width: 100%; flex: 1 1 8rem; }
          input.wide { width: 100%; }
          .bar-row { grid-template-columns: 1fr max-content; }
          .bar-row .bar-track { grid-column: 1 / -1; grid-row: 2; }
          .facts { grid-template-columns: 1fr; }
          .facts dd { margin-bottom: 0.4rem; }
          h1 { font-size: 1.5rem; }
          .choice > span { overflow-wrap: anywhere; }
        }
        @media print {
          header.top, footer.bottom, .actions, form, .skip, ol.steps { display: none !important; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .card, .chart, .figure, table { border-color: #777; break-inside: avoid; }
          a { color: #000; text-decoration: none; }
        }

        """
}
