package org.tiqu.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class HtmlArticleTest {

    private final HtmlArticle html = new HtmlArticle();

    @Test
    void gb18030PageWithContentDivKeepsParagraphsAndDropsChrome() throws Exception {
        String page = """
                <!DOCTYPE html><html><head><meta charset="gbk"><title>济北开发区经济运行情况</title>
                <style>p{color:red}</style></head><body>
                <div class="header"><nav><a href="/">首页</a> &gt; <a>新闻</a></nav></div>
                <div id="content"><p>　　2024年，一般公共预算收入完成13.72亿元，<span>同比</span>增长15.28%。</p>
                <p>工业投资&nbsp;增长28.79%。<br>其中：制造业投资增长12%。</p>
                <table><tr><td>指标</td><td>增速</td></tr></table></div>
                <aside>相关新闻</aside><footer>主办单位：某某</footer></body></html>
                """;
        byte[] bytes = page.getBytes(Charset.forName("GB18030"));
        SourceText text = html.read("p", Path.of("p.html"), bytes);
        assertEquals(SourceReader.GB18030, text.encoding());
        assertEquals(SourceReader.sha256(bytes), text.sha256(), "the digest is of the HTML file");
        assertEquals("""
                济北开发区经济运行情况
                2024年，一般公共预算收入完成13.72亿元，同比增长15.28%。
                工业投资 增长28.79%。
                其中：制造业投资增长12%。
                指标\t增速
                """, text.text());
    }

    @Test
    void pageWithoutTextIsRefused() {
        byte[] bytes = "<html><body><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> html.read("e", Path.of("e.html"), bytes));
        assertEquals(SourceException.Reason.EMPTY, e.reason());
        assertTrue(HtmlArticle.isHtml(Path.of("A.HTM")));
    }
}
