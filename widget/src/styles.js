// Lives only inside the widget's shadow root: nothing here can reach the host page, and `all: initial` on the host
// (important, which wins over the page's own important rules for the host) keeps the page's styles out.
export const css = `
:host { all: initial !important; }
.root { font: 14px/1.55 "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
  color: #1f2937; -webkit-font-smoothing: antialiased; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
button, textarea, input { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }

.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px;
  border-radius: 50%; border: 0; background: #c8102e; color: #fff; box-shadow: 0 6px 20px rgba(0,0,0,.25);
  display: flex; align-items: center; justify-content: center; padding: 0; }
.launcher:hover { background: #a50d26; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: #f59e0b; color: #111; font-size: 12px; font-weight: 700; line-height: 22px; text-align: center;
  border: 2px solid #fff; }

.panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483001; width: 380px; height: min(640px, calc(100vh - 112px));
  display: flex; flex-direction: column; background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0,0,0,.28); }
.head { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #c8102e; color: #fff; }
.head .who { flex: 1; min-width: 0; }
.head h2 { margin: 0; font-size: 16px; font-weight: 700; }
.head .status { margin: 0; font-size: 12px; opacity: .9; }
.head .status::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%;
  margin-right: 5px; background: #4ade80; vertical-align: 1px; }
.head .status[data-state="connecting"]::before { background: #fde047; }
.head .status[data-state="offline"]::before { background: #9ca3af; }
.head button { border: 1px solid rgba(255,255,255,.7); background: transparent; color: #fff; border-radius: 16px;
  padding: 4px 12px; font-size: 13px; white-space: nowrap; }
.head button.close { border: 0; font-size: 22px; line-height: 1; padding: 2px 8px; }
.head button:hover { background: rgba(255,255,255,.15); }

.banner { display: flex; gap: 8px; align-items: flex-start; padding: 8px 12px; background: #fffbeb; color: #78350f;
  border-bottom: 1px solid #fde68a; font-size: 13px; }
.banner[data-level="CRITICAL"] { background: #fef2f2; color: #7f1d1d; border-bottom-color: #fecaca; }
.banner .txt { flex: 1; white-space: pre-wrap; }
.banner button { border: 0; background: transparent; color: inherit; font-size: 16px; line-height: 1; padding: 2px 4px; }
.offline { display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #f3f4f6; color: #374151;
  font-size: 13px; border-bottom: 1px solid #e5e7eb; }
.offline span { flex: 1; }
.offline button { border: 1px solid #9ca3af; background: #fff; border-radius: 6px; padding: 2px 10px; font-size: 13px; }

.log { flex: 1; overflow-y: auto; padding: 12px; background: #f8fafc; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; display: flex; flex-direction: column; gap: 4px; }
.msg .bubble { padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; }
.msg.bot, .msg.agent { align-self: flex-start; }
.msg.bot .bubble { background: #fff; border: 1px solid #e5e7eb; border-top-left-radius: 4px; }
.msg.agent .bubble { background: #ecfdf5; border: 1px solid #a7f3d0; border-top-left-radius: 4px; }
.msg .from { font-size: 12px; color: #6b7280; }
.msg.user { align-self: flex-end; align-items: flex-end; }
.msg.user .bubble { background: #c8102e; color: #fff; border-top-right-radius: 4px; }
.msg.user.pending .bubble { opacity: .7; }
.msg.user.failed .bubble { background: #fee2e2; color: #7f1d1d; }
.msg .state { font-size: 12px; color: #6b7280; }
.msg.system { align-self: center; max-width: 95%; text-align: center; }
.msg.system .bubble { background: transparent; color: #6b7280; font-size: 12px; padding: 2px 8px; }
.msg.error .bubble { color: #b91c1c; }

.card { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 10px 12px; font-size: 13px; }
.card h3 { margin: 0 0 4px; font-size: 14px; font-weight: 700; }
.card p { margin: 4px 0; }
.card ul { margin: 4px 0; padding-left: 18px; }
.card a { color: #c8102e; font-weight: 600; }
.card .tag { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
  background: #fee2e2; color: #991b1b; }
.card .tag.ok { background: #dcfce7; color: #166534; }
.card .tag.warn { background: #fef3c7; color: #92400e; }
.card .copyrow { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.card code { font: 600 15px/1.4 ui-monospace, Menlo, Consolas, monospace; letter-spacing: .5px; }
.card button { border: 1px solid #c8102e; color: #c8102e; background: #fff; border-radius: 6px; padding: 2px 10px; font-size: 12px; }
.card .muted { color: #6b7280; }

.quick { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; max-width: 100%; }
.quick button { border: 1px solid #c8102e; background: #fff; color: #c8102e; border-radius: 16px; padding: 5px 12px;
  font-size: 13px; text-align: left; }
.quick button:hover { background: #fef2f2; }
.quick .lead { width: 100%; font-size: 12px; color: #6b7280; }

.subscribe { align-self: stretch; display: flex; flex-direction: column; gap: 6px; }
.subscribe input[type="tel"], .subscribe input[type="email"] { width: 100%; border: 1px solid #d1d5db; border-radius: 8px;
  padding: 6px 8px; font-size: 14px; }
.subscribe .consent { display: flex; gap: 6px; align-items: flex-start; font-size: 12px; color: #374151; }
.subscribe .consent input { margin-top: 3px; }
.subscribe .submit { align-self: flex-start; border: 0; background: #c8102e; color: #fff; border-radius: 8px; padding: 6px 16px; font-size: 13px; }
.subscribe .submit:disabled { opacity: .5; cursor: default; }
.subscribe .err { margin: 2px 0; color: #b91c1c; }
.subscribe > button:not(.submit) { align-self: flex-start; }
.rating { align-self: stretch; }
.stars { display: flex; gap: 4px; margin: 6px 0; }
.stars button { border: 0; background: transparent; font-size: 26px; line-height: 1; color: #d1d5db; padding: 2px; }
.stars button[aria-checked="true"] { color: #f59e0b; }
.rating textarea { width: 100%; min-height: 48px; border: 1px solid #d1d5db; border-radius: 8px; padding: 6px 8px; resize: vertical; }
.rating .submit { margin-top: 6px; border: 0; background: #c8102e; color: #fff; border-radius: 8px; padding: 6px 16px; }
.rating .submit:disabled { opacity: .5; cursor: default; }

.typing { padding: 4px 14px 6px; font-size: 12px; color: #6b7280; background: #f8fafc; }
.typing i { display: inline-block; width: 6px; height: 6px; margin-right: 3px; border-radius: 50%; background: #9ca3af;
  animation: ih-blink 1.2s infinite ease-in-out; }
.typing i:nth-child(2) { animation-delay: .2s; }
.typing i:nth-child(3) { animation-delay: .4s; margin-right: 6px; }
@keyframes ih-blink { 0%, 80%, 100% { opacity: .3; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing i { animation: none; } }

.composer { display: flex; gap: 8px; align-items: flex-end; padding: 10px 12px; border-top: 1px solid #e5e7eb; background: #fff; }
.composer textarea { flex: 1; min-height: 40px; max-height: 120px; resize: none; border: 1px solid #d1d5db; border-radius: 10px;
  padding: 8px 10px; font-size: 15px; line-height: 1.4; }
.composer button { border: 0; background: #c8102e; color: #fff; border-radius: 10px; padding: 9px 16px; font-size: 15px; }
.composer button:disabled { opacity: .5; cursor: default; }
.newconv { align-self: center; border: 1px solid #c8102e; background: #fff; color: #c8102e; border-radius: 16px; padding: 5px 14px; }

@media (max-width: 480px) {
  .panel { inset: 0; right: 0; bottom: 0; width: 100%; height: 100%; border-radius: 0; }
  .launcher { right: 14px; bottom: 14px; }
  .msg { max-width: 92%; }
}
`;
