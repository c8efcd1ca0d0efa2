// A local web server on 127.0.0.1 for the link tests: an article with the usual page furniture, redirects,
// slow, oversized and non-HTML answers, and redirects to addresses a link must never reach. It answers a
// bounded number of requests and closes by itself after a while, so a forgotten server cannot linger.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const para = (s: string) => `      <p>${s}</p>`;

/** A news page as sites publish them: navigation, a title with the site name, a byline, a footer. */
export const ARTICLE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour City edge Northgate in late drama | The Coastal Herald</title>
  <meta property="og:site_name" content="The Coastal Herald">
  <meta property="article:published_time" content="2024-11-04T18:30:00Z">
</head>
<body>
  <header class="site-header"><a href="/">The Coastal Herald</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Harbour City edge Northgate in late drama</h1>
      <p class="byline">By <a rel="author" href="/staff/tom-ellery">Tom Ellery</a> · 4 November 2024</p>
${para('Harbour City came from behind to beat Northgate 2-1 at the Quayside Ground on Saturday, with a goal in the last minute of added time that sent the home supporters into the streets around the harbour long after the final whistle.')}
${para('"We never stopped believing, not even when we were a goal down with ten minutes to go," said Rosa Delgado, the Harbour City manager, who took charge of the club in the summer after three seasons in the second division.')}
${para('Northgate had led through a first-half header from their captain, and for most of the afternoon their defence had looked untroubled by the home side, who had lost their previous two league matches without scoring a goal.')}
${para('The two clubs meet again on 14 December 2024 in the cup, when Northgate will have home advantage and, their coach said, a point to prove after a result that he called the hardest of his career so far.')}
    </article>
    <aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Northgate sign new striker</a></li><li><a href="/b">Quayside roof repairs finished</a></li></ul></aside>
  </main>
  <footer class="site-footer"><p>Contact the newsroom: news@coastal-herald.example. Subscribe to our newsletter for the latest local news, sport and weather.</p><p>© 2024 The Coastal Herald. All rights reserved.</p></footer>
</body>
</html>
`;

const MENU_HTML = '<!DOCTYPE html><html><head><title>Sections | The Coastal Herald</title></head><body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></body></html>';

export interface ArticleServer {
  base: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startArticleServer(o: { maxRequests?: number; lifetimeMs?: number } = {}): Promise<ArticleServer> {
  const maxRequests = o.maxRequests ?? 200;
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    if (requests.length > maxRequests) {
      res.writeHead(503).end();
      server.close();
      return;
    }
    const html = (body: string, status = 200) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const redirect = (to: string) => res.writeHead(302, { location: to }).end();
    const loop = /^\/loop\/(\d+)$/.exec(path);
    if (path === '/article') return html(ARTICLE_HTML);
    if (path === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      return res.end(Buffer.from(ARTICLE_HTML.replace('Rosa Delgado', 'Rosa Delgad\u00f3').replace('·', '-').replace('©', '(c)'), 'latin1'));
    }
    if (path === '/moved') return redirect('/article');
    if (loop) return redirect(`/loop/${Number(loop[1]) + 1}`);
    if (path === '/to-private') return redirect('http://10.0.0.1/admin');
    if (path === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/');
    if (path === '/to-file') return redirect('file:///etc/passwd');
    if (path === '/menu') return html(MENU_HTML);
    if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"article":false}');
    if (path === '/big-declared') return res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) }).end();
    if (path === '/big-streamed') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 3 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setTimeout(() => res.end(ARTICLE_HTML), 3_000);
      timers.add(t);
      return;
    }
    return html('<p>Not found</p>', 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = setTimeout(() => server.close(), o.lifetimeMs ?? 60_000);
  stop.unref();
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      clearTimeout(stop);
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
