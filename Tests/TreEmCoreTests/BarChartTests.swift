import Foundation
import Testing

@testable import TreEmCore

@Suite("Charts")
struct BarChartTests {
    @Test("Each unit gets a bar as long as its share of the largest; a target is a dashed line with its value")
    func bars() {
        let chart = BarChart(
            title: "Tỷ lệ <trẻ em>",
            bars: [
                .init(label: "Xã Kim Thành", value: 100), .init(label: "Xã Phú Thái", value: 50),
                .init(label: "Xã Hà Bắc", value: nil),
            ],
            target: 90, valueType: .percent)
        let svg = chart.svg()
        #expect(svg.contains("<title>Tỷ lệ &lt;trẻ em&gt;</title>"))
        #expect(svg.contains("width=\"380.0\""), "100% fills the bar area")
        #expect(svg.contains("width=\"190.0\""), "50% fills half of it")
        #expect(svg.contains("chưa có số liệu"))
        #expect(svg.contains("stroke-dasharray") && svg.contains("Chỉ tiêu 90%"))
        #expect(!svg.contains("style="))
    }

    @Test("On a phone the same bars are a list in the page's own text size: full names, values, a meter each")
    func phoneList() {
        let chart = BarChart(
            title: "Số trẻ em được tặng quà",
            bars: [
                .init(label: "Xã Đồng Cẩm thuộc huyện Kim Thành cũ", value: 1_250),
                .init(label: "Xã Tam Kỳ", value: nil),
            ],
            valueType: .integer)
        let html = chart.html()
        #expect(html.contains("<div class=\"chart-wide\"><svg"))
        #expect(
            html.contains("<span class=\"chart-label\">Xã Đồng Cẩm thuộc huyện Kim Thành cũ</span>"), "not shortened")
        #expect(
            html.contains(
                "<meter min=\"0\" max=\"1250.0\" value=\"1250.0\"></meter><span class=\"chart-value\">1.250</span>"))
        #expect(html.contains("<span class=\"chart-value muted\">chưa có số liệu</span>"))
        #expect(!html.contains("style="))
    }
}
