// Plain JS so `npm run screenshots` (Node) and the TypeScript tests share it.
/**
 * LinkedIn's own fixed controls, at their real geometry, for pages served to the tests. The CSS is the
 * Messaging dock's as saved with a logged-in profile in March 2022 (../shared/fixtures, the single-file save of
 * kireet-agrawal): a 0 px tall fixed container at the bottom right, laying its bubbles out right to left; the
 * "Messaging" list bubble is 288 px wide, calc(100vh - 100px) tall, and minimised to its 48 px header by a
 * translateY. Open conversations sit to its left (here one, 400 × 400).
 */
export const MESSAGING_DOCK = `
<style>
.msg-overlay-container{height:0;position:fixed;z-index:1000;bottom:0;right:0;overflow:visible;display:flex;flex-direction:row-reverse;flex-wrap:nowrap;align-items:flex-end}
.msg-overlay-list-bubble{display:flex;flex-direction:column;height:calc(100vh - 100px);flex:0 0 288px;width:288px;min-width:0;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 0 0 1px rgba(0,0,0,.15),0 2px 3px rgba(0,0,0,.2)}
.msg-overlay-list-bubble--is-minimized{transform:translateY(100%) translateY(-48px)}
.msg-overlay-bubble-header{min-height:48px;display:flex;align-items:center;padding:0 8px;border-bottom:1px solid #e8e8e8}
.msg-overlay-conversation-bubble{width:400px;height:400px;margin-right:8px;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 0 0 1px rgba(0,0,0,.15)}
.global-nav{background:#fff;left:0;position:fixed;top:0;width:100vw;height:52px;z-index:100;border-bottom:1px solid #e8e8e8}
body{padding-top:52px}
</style>
<header id="global-nav" class="global-nav"><button>Home</button><button>My Network</button></header>
<aside id="msg-overlay" class="msg-overlay-container">
  <div class="msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized">
    <header class="msg-overlay-bubble-header"><button>Messaging</button><button>New message</button></header>
  </div>
  CONVERSATION
</aside>`;

const CONVERSATION = `<div class="msg-overlay-conversation-bubble"><header class="msg-overlay-bubble-header"><button>Ana Example</button></header></div>`;

/** `html` with LinkedIn's nav bar and Messaging dock added (optionally one open conversation). */
export function withLinkedInChrome(html, opts = {}) {
  const dock = MESSAGING_DOCK.replace('CONVERSATION', opts.conversation ? CONVERSATION : '');
  let out = html.replace(/<body([^>]*)>/i, `<body$1>${dock}`);
  if (opts.dark) {
    out = out.replace(/<html([^>]*)>/i, '<html$1 class="theme theme--mercado theme--dark">');
    out = out.replace(
      '</style>',
      'body{background:#000;color:#e9e9ea}.msg-overlay-list-bubble,.global-nav,.msg-overlay-conversation-bubble{background:#1b1f23}</style>',
    );
  } else {
    out = out.replace('</style>', 'body{background:#f4f2ee}</style>');
  }
  return out;
}
