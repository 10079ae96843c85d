#!/usr/bin/env python3
"""Wraps pandoc's HTML body in a "saved web page" in a legacy charset.

    saved_html.py PANDOC.html LANG CHARSET OUT.html

The page has what saved pages have around the text: a <header>, a <nav>, a breadcrumb,
<script> and <style> blocks (one script holds the title in a string), a hidden
cookie notice (display:none), a <footer>, named entities (&nbsp; spacer paragraphs,
&ldquo;/&rdquo; or &laquo;/&raquo;, &ndash;, &copy;), CRLF line ends, and the charset
declared by <meta charset>. Python's codecs encode it; characters the charset lacks
become numeric character references.
"""
import re
import sys

PAGE = {
    "zh": {
        "site": "条约数据库",
        "nav": ["首页", "双边条约", "多边条约", "条约检索", "联系我们"],
        "crumb": "首页 &gt; 多边条约 &gt; 正文",
        "print": "打印本页",
        "cookie": "本网站使用Cookie以改善浏览体验。",
        "footer": "版权所有 &copy; 条约数据库&nbsp;&nbsp;|&nbsp;&nbsp;网站地图&nbsp;&nbsp;|&nbsp;&nbsp;联系我们",
    },
    "ru": {
        "site": "Международные договоры",
        "nav": ["Главная", "Двусторонние договоры", "Многосторонние договоры", "Поиск", "Контакты"],
        "crumb": "Главная &raquo; Многосторонние договоры &raquo; Текст",
        "print": "Версия для печати",
        "cookie": "Сайт использует файлы cookie.",
        "footer": "&copy; Международные договоры&nbsp;&ndash;&nbsp;Карта сайта&nbsp;&ndash;&nbsp;Контакты",
    },
}


def main():
    src, lang, charset, out = sys.argv[1:5]
    html = open(src, encoding="utf-8").read()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    body = re.search(r"<body>(.*)</body>", html, re.S).group(1).strip()
    body = body.replace("\u00a0", "&nbsp;")
    if lang == "zh":
        body = body.replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;")
    else:
        body = (body.replace("\u00ab", "&laquo;").replace("\u00bb", "&raquo;")
                .replace("\u2013", "&ndash;"))
    # Spacer paragraphs before headings, as page editors leave them.
    body = re.sub(r"(<h[1-3] id=)", r'<p>&nbsp;</p>\n\1', body)
    p = PAGE[lang]
    js_title = title.replace('"', '\\"')
    nav = "\n".join(f'<li><a href="/{i}/">{item}</a></li>' for i, item in enumerate(p["nav"]))
    page = f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'ru'}">
<head>
<meta charset="{charset}">
<title>{title} - {p['site']}</title>
<style type="text/css">
body {{ margin: 0; font-family: serif; }}
#header, nav {{ background: #003366; color: #fff; }}
.article p {{ text-indent: 2em; line-height: 1.8; }}
.cookie {{ display: none; }}
</style>
<script type="text/javascript">
var pageTitle = "{js_title}";
var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); hm.src = "/stat.js"; document.head.appendChild(hm); }})();
</script>
</head>
<body>
<header id="header"><div class="logo"><a href="/">{p['site']}</a></div>
<form action="/search"><input type="text" name="q"><input type="submit" value="&#8981;"></form></header>
<nav><ul>
{nav}
</ul></nav>
<div class="crumb">{p['crumb']}</div>
<div class="cookie" style="display:none">{p['cookie']}</div>
<main><div class="article">
<div class="tools"><a href="javascript:window.print()">{p['print']}</a></div>
{body}
</div></main>
<footer><p>{p['footer']}</p></footer>
<script type="text/javascript">document.write('<img src="/count.gif?' + Math.random() + '">');</script>
</body>
</html>
"""
    data = page.replace("\n", "\r\n").encode(charset, errors="xmlcharrefreplace")
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
