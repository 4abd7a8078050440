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
}
