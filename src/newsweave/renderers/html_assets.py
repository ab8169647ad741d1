"""The briefing page's stylesheet and script, and the hash that lets only that script run.

The script reads the articles from the page's JSON data block and only ever sets
``textContent``: a click on a citation chip, a fact, a timeline row or a source shows that
passage highlighted in its article (in the side panel on a wide screen, below the briefing on
a phone), and a "Back" button, or Escape, returns to the chip that was clicked. Articles
shared without their text (``--no-article-text``) show the cited passages alone. Before
printing, every folded section opens.
"""

from __future__ import annotations

import base64
import hashlib

# overflow-wrap: a 100,000-letter "word" wraps instead of widening the page; bidi isolation:
# a right-to-left override inside an outlet's text ends at its element, never reversing the
# sentences, figures and citation chips after it; minmax(0,…): a grid column may shrink below
# its content's width, so a wide table scrolls inside its box, never the page.
CSS = """
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4;
overflow-wrap:anywhere}
span,td,th,li,p,q,mark,a,time,h1,h2,h3,.text,.chip,button{unicode-bidi:isolate}
header{padding:14px 20px 10px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.45em;line-height:1.25;margin:0 0 4px}
.meta,.hint,.note{color:#5f5f5f;font-size:.88em;margin:4px 0}
nav{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9em;margin-top:6px}
nav a{color:#245a7a}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;padding:16px;
max-width:1500px;margin:0 auto}
section{background:#fff;border:1px solid #e1e1dc;border-radius:8px;padding:12px 16px;
margin-bottom:14px}
h2{font-size:1.12em;margin:2px 0 10px}h3{font-size:1em;margin:10px 0 4px}
.lede{font-size:1.15em;line-height:1.5;margin:0 0 10px}
.points{padding-left:1.2em;margin:0}.points li{margin:0 0 8px}
.chips{display:inline}
.chip{font:inherit;font-size:.78em;line-height:1.6;border:1px solid #9bb8c4;border-radius:11px;
background:#eaf3f6;color:#1e4a5c;padding:0 8px;margin:1px 2px;cursor:pointer;
max-width:100%;white-space:normal;text-align:left}
.chip:hover,.chip:focus{background:#cfe6ee;outline:2px solid #2d7a99}
.value{font-weight:650}.relation{color:#5f5f5f;font-size:.88em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.86em;width:100%}
td,th{border:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
thead th{font-weight:600;max-width:8em}
th.fact{font-weight:normal;cursor:pointer;min-width:10em}
td.reports{color:#176d2c;text-align:center;cursor:pointer}td.silent{color:#bbb;text-align:center}
td.differs{color:#a4161a;background:#fdeaea;cursor:pointer}
td.figure{font-weight:600;cursor:pointer}
td.superseded{color:#6c757d;text-decoration:line-through;cursor:pointer}
.event{cursor:pointer}time{font-weight:600;margin-right:6px}
.diff{color:#8a5a00;font-size:.86em;margin:2px 0}
.cols{columns:2;padding-left:1.2em}
.sources li{margin:0 0 6px}
details>summary{cursor:pointer;color:#245a7a;margin:6px 0}
aside{position:sticky;top:8px;align-self:start;max-height:calc(100vh - 16px);overflow-y:auto}
article{background:#fff;border:1px solid #e1e1dc;border-radius:8px;padding:8px 12px;
margin-bottom:10px}
.text{white-space:pre-wrap;font-size:.92em}.part{margin:0 0 8px}
.boiler{color:#a5a5a5}.num{float:left;margin-right:8px;font-weight:700;color:#367}
mark{background:#ffe066;padding:1px 0}.sent.model{font-style:italic}
#back{position:fixed;right:12px;bottom:12px;z-index:9;font:inherit;font-size:.95em;
padding:8px 14px;border-radius:20px;border:1px solid #245a7a;background:#245a7a;color:#fff;
box-shadow:0 2px 8px rgba(0,0,0,.25);cursor:pointer}
#back[hidden]{display:none}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr);padding:10px}
aside{position:static;max-height:none}.cols{columns:1}h1{font-size:1.25em}}
@media print{body{background:#fff;font-size:11pt}aside,nav,#back,.hint{display:none}
main{display:block;padding:0}section{border:none;padding:0;break-inside:avoid-page}
.chip{border:none;background:none;padding:0;font-size:.85em;color:#333}
.chip::before{content:"["}.chip::after{content:"]"}
.sources a[href]::after{content:" <" attr(href) ">";font-size:.85em;color:#333}
.scroll{overflow:visible}}
"""

JS = """
(function(){
var data=JSON.parse(document.getElementById('nw-data').textContent);
var back=document.getElementById('back'),from=null;
function segments(id){
  var d=data[id];
  if(d.text!==null)return [[0,Array.from(d.text)]];
  return d.parts.map(function(p){return [p[0],Array.from(p[1])];});
}
function fill(box,d,start,chars,mark){
  // Offsets count code points (as Python does), not UTF-16 units: slice arrays of them.
  var cuts=[0,chars.length],hit=null;
  d.removed.forEach(function(r){cuts.push(r[0]-start,r[1]-start);});
  if(mark){cuts.push(mark[0]-start,mark[1]-start);}
  cuts=cuts.filter(function(c){return c>=0&&c<=chars.length;}).sort(function(a,b){return a-b;});
  for(var i=0;i+1<cuts.length;i++){
    var s=cuts[i],e=cuts[i+1];if(e<=s)continue;
    var boiler=d.removed.some(function(r){return r[0]<=s+start&&e+start<=r[1];});
    var inMark=mark&&mark[0]<=s+start&&e+start<=mark[1]&&mark[1]>mark[0];
    var el=document.createElement(inMark?'mark':'span');
    if(boiler)el.className='boiler';
    el.textContent=chars.slice(s,e).join('');box.appendChild(el);
    if(inMark&&!hit)hit=el;
  }
  return hit;
}
function paint(id,mark){
  var art=document.querySelector('article[data-id="'+CSS.escape(id)+'"]');
  if(!art||!data[id])return null;
  var box=art.querySelector('.text'),hit=null;
  box.textContent='';
  segments(id).forEach(function(seg){
    var into=box;
    if(data[id].text===null){into=document.createElement('p');into.className='part';box.appendChild(into);}
    hit=fill(into,data[id],seg[0],seg[1],mark)||hit;
  });
  return hit;
}
Object.keys(data).forEach(function(id){paint(id,null);});
function goBack(){
  if(!from)return;
  from.scrollIntoView({block:'center'});from.focus({preventScroll:true});
  from=null;back.hidden=true;
}
back.addEventListener('click',goBack);
document.addEventListener('keydown',function(ev){if(ev.key==='Escape')goBack();});
document.addEventListener('click',function(ev){
  var t=ev.target.closest('[data-a]');if(!t)return;
  var id=t.getAttribute('data-a'),s=+t.getAttribute('data-s'),e=+t.getAttribute('data-e');
  Object.keys(data).forEach(function(k){if(k!==id)paint(k,null);});
  var hit=paint(id,[s,e]);
  var art=document.querySelector('article[data-id="'+CSS.escape(id)+'"]');
  if(!art)return;
  from=t;back.hidden=false;
  (hit||art).scrollIntoView({block:'center'});
});
window.addEventListener('beforeprint',function(){
  document.querySelectorAll('details').forEach(function(d){d.open=true;});
});
})();
"""

# Only this exact script may run: an injected inline script or handler has another hash.
JS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(JS.encode()).digest()).decode()
