"""The results of one campaign: figures, deliveries over time, failures by reason, operators;
live while it sends (refreshed on each dispatcher cycle and every few seconds), with an
estimated end. Export the figures as CSV (the history export's Excel writer), the chart
as PNG; resend to the temporary failures as a new campaign.

The chart is drawn with QPainter: bars of deliveries per bucket and the cumulative line.
QtCharts lives in PySide6-Addons (a second, much bigger wheel that must match the
Essentials version) and pyqtgraph needs numpy: either would add tens of megabytes to the
bundle and import time for one small chart, so neither is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.campaigns import CampaignService
from smsdesk.services.results import CampaignReport, ResultsService, RetryCandidate, TimeBucket
from smsdesk.ui.workers import WorkerPool

LIVE_MS = 3000  # while sending, the figures follow this often (and on each dispatcher cycle)
BAR = QColor("#4c8bf5")
MAX_BAR = 48.0  # pixels
LINE = QColor("#1b7f3b")

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows (failures by reason, operators)."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == len(self._headers) - 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class DeliveryChart(QWidget):
    """Deliveries per bucket (bars) and delivered so far (line, right scale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 180)
        self._buckets: tuple[TimeBucket, ...] = ()
        self._step = 60
        self.empty_text = self.tr("No delivery yet")

    def set_buckets(self, step: int, buckets: tuple[TimeBucket, ...]) -> None:
        self._step, self._buckets = step, buckets
        self.update()

    def buckets(self) -> tuple[TimeBucket, ...]:
        return self._buckets

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._buckets:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        metrics = painter.fontMetrics()
        left, right = metrics.horizontalAdvance("000000") + 8, metrics.horizontalAdvance("0000000")
        top, bottom = metrics.height(), metrics.height() * 2 + 4
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        peak = max(b.delivered for b in self._buckets) or 1
        total = self._buckets[-1].cumulative or 1
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(plot)
        width = plot.width() / len(self._buckets)
        bar = min(width - 2, MAX_BAR)  # a few buckets: slim bars, not one block
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for i, bucket in enumerate(self._buckets):
            height = plot.height() * bucket.delivered / peak
            x = plot.left() + i * width + (width - bar) / 2
            painter.drawRect(QRectF(x, plot.bottom() - height, bar, height))
        painter.setPen(QPen(LINE, 2))
        previous: tuple[float, float] | None = (plot.left(), plot.bottom())  # from 0
        for i, bucket in enumerate(self._buckets):
            x = plot.left() + (i + 1) * width
            y = plot.bottom() - plot.height() * bucket.cumulative / total
            if previous is not None:
                painter.drawLine(previous[0], previous[1], x, y)
            previous = (x, y)
        text = self.palette().text().color()
        painter.setPen(text)
        painter.drawText(QRectF(0, plot.top() - 2, left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, str(peak))  # fmt: skip
        painter.drawText(QRectF(0, plot.bottom() - metrics.height(), left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, "0")  # fmt: skip
        painter.setPen(LINE)
        painter.drawText(QRectF(plot.right() + 4, plot.top() - 2, right, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, str(total))  # fmt: skip
        painter.setPen(text)
        first = self._buckets[0].start.astimezone()
        last = self._buckets[-1].start.astimezone()
        stamp = "%H:%M" if first.date() == last.date() else "%d/%m %H:%M"
        row = QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height())
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft, first.strftime(stamp))
        painter.drawText(row, Qt.AlignmentFlag.AlignRight, last.strftime(stamp))
        legend = self.tr("bars: delivered per {0} min · line: delivered so far").format(
            max(1, self._step // 60)
        )
        painter.drawText(
            QRectF(
                plot.left(), plot.bottom() + 2 + metrics.height(), plot.width(), metrics.height()
            ),
            Qt.AlignmentFlag.AlignHCenter,
            legend,
        )

    def save_png(self, path: Path) -> bool:
        pixmap = QPixmap(self.size())
        self.render(pixmap)
        return pixmap.save(str(path), "PNG")


class ResultsDialog(QDialog):
    """The results view of one campaign."""

    FIGURES = (
        "recipients",
        "parts",
        "credits",
        "delivered",
        "failed",
        "pending",
        "expired",
        "cancelled",
        "unknown",
        "stopped",
        "replies",
    )

    def __init__(
        self,
        campaign_id: int,
        results: ResultsService,
        campaigns: CampaignService,
        workers: WorkerPool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.campaign_id = campaign_id
        self._results = results
        self._campaigns = campaigns
        self._workers = workers
        self._loading = False
        self._again = False
        self.report: CampaignReport | None = None
        self.loads = 0  # reports shown so far (tests wait on it)
        self.resent_campaign: int | None = None
        self.setWindowTitle(self.tr("Campaign results"))
        self.resize(860, 640)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px")
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        labels = {
            "recipients": self.tr("Recipients"),
            "parts": self.tr("SMS parts"),
            "credits": self.tr("Credits"),
            "delivered": self.tr("Delivered"),
            "failed": self.tr("Failed"),
            "pending": self.tr("Pending"),
            "expired": self.tr("Expired"),
            "cancelled": self.tr("Cancelled"),
            "unknown": self.tr("Unknown"),
            "stopped": self.tr("Answered STOP"),
            "replies": self.tr("Replies"),
        }
        self.figure_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, key in enumerate(self.FIGURES):
            value = QLabel("…")
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 16px; font-weight: bold")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figure_labels[key] = value
            grid.addWidget(QLabel(labels[key]), i // 4, (i % 4) * 2)
            grid.addWidget(value, i // 4, (i % 4) * 2 + 1)
        figures = QGroupBox(self.tr("Figures"))
        figures.setLayout(grid)

        self.chart = DeliveryChart()
        chart_box = QGroupBox(self.tr("Deliveries over time"))
        QVBoxLayout(chart_box).addWidget(self.chart)

        self.failures_model = RowsModel([self.tr("Code"), self.tr("Reason"), self.tr("Messages")])
        self.operators_model = RowsModel(
            [self.tr("Code"), self.tr("Operator"), self.tr("Messages")]
        )
        tables = QHBoxLayout()
        for title, model in (
            (self.tr("Failures by reason"), self.failures_model),
            (self.tr("Operators"), self.operators_model),
        ):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(view)
            tables.addWidget(box)

        self.export_button = QPushButton(self.tr("Export &CSV…"))
        self.export_button.clicked.connect(self.ask_export_csv)
        self.png_button = QPushButton(self.tr("Save chart as &PNG…"))
        self.png_button.clicked.connect(self.ask_save_png)
        self.resend_button = QPushButton(self.tr("&Resend temporary failures…"))
        self.resend_button.setToolTip(
            self.tr("A new campaign to the numbers that failed for a passing reason")
        )
        self.resend_button.clicked.connect(self.ask_resend)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.png_button, self.resend_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        head = QFormLayout()
        head.addRow(self.title)
        head.addRow(self.status_line)
        layout.addLayout(head)
        layout.addWidget(figures)
        layout.addWidget(chart_box, 1)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)

        self._live = QTimer(self)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.refresh)
        self.message_box: QMessageBox | None = None
        self.refresh()

    # -- loading (in a worker) --------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        campaign_id = self.campaign_id
        self._workers.run(
            lambda **_: self._results.report(campaign_id),
            on_result=self._show,
            on_error=self._failed,
        )

    def _show(self, report: CampaignReport) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        self.report = report
        self.title.setText(self.tr("{0} — campaign {1}").format(report.name, report.id))
        self.figure_labels["credits"].setText(f"{report.credits:g}")
        for key in self.FIGURES:
            if key != "credits":
                self.figure_labels[key].setText(f"{getattr(report, key):,}".replace(",", " "))
        status = self.tr("Status: {0} · gateway: {1}").format(report.status, report.provider)
        live = report.pending > 0
        if report.estimated_end is not None:
            status += self.tr(" · estimated end {0}").format(
                report.estimated_end.astimezone().strftime("%d/%m %H:%M:%S")
            )
        elif live:
            status += self.tr(" · {0} awaiting their delivery report").format(report.pending)
        self.status_line.setText(status)
        self.chart.set_buckets(report.bucket_seconds, report.timeline)
        self.failures_model.set_rows(
            [
                (str(f.ptt) if f.ptt is not None else "—", f.reason, str(f.count))
                for f in report.failures
            ]
        )
        self.operators_model.set_rows([(o.code, o.name, str(o.count)) for o in report.operators])
        if live and not self._live.isActive():
            self._live.start()
        elif not live:
            self._live.stop()
        self.loads += 1

    def _failed(self, message: str) -> None:
        self._loading = False
        self.status_line.setText(self.tr("Results unavailable: {0}").format(message))

    # -- export --------------------------------------------------------------------------

    def ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the figures"), f"campaign-{self.campaign_id}.csv",
            self.tr("CSV (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        campaign_id = self.campaign_id
        self._workers.run(
            lambda **_: self._results.export_csv(campaign_id, path),
            on_result=lambda _rows: self.status_line.setText(
                self.tr("Figures exported to {0}").format(path)
            ),
            on_error=self._failed,
        )

    def ask_save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart"), f"campaign-{self.campaign_id}.png",
            self.tr("PNG image (*.png)"),
        )  # fmt: skip
        if path:
            self.save_png(Path(path))

    def save_png(self, path: Path) -> bool:
        saved = self.chart.save_png(path)
        if saved:
            path.chmod(0o600)
        return saved

    # -- resend --------------------------------------------------------------------------

    def ask_resend(self) -> None:
        campaign_id = self.campaign_id
        self._workers.run(
            lambda **_: self._results.retry_candidates(campaign_id),
            on_result=self.confirm_resend,
            on_error=self._failed,
        )

    def confirm_resend(self, candidates: list[RetryCandidate]) -> None:
        """Show the numbers first; a new campaign only once the user says yes."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Resend temporary failures"))
        if not candidates:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("No message failed for a temporary reason."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(
                self.tr("Send the message again to {0} number(s) as a new campaign?").format(
                    len(candidates)
                )
            )
            box.setDetailedText("\n".join(f"{c.receiver}  {c.ptt}  {c.reason}" for c in candidates))
            box.setInformativeText(
                "\n".join(f"{c.receiver} — {c.reason}" for c in candidates[:10])
                + ("\n…" if len(candidates) > 10 else "")
            )
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
            )
            receivers = [c.receiver for c in candidates]
            box.accepted.connect(lambda: self.resend(receivers))
        self.message_box = box
        box.open()

    def resend(self, receivers: list[str]) -> None:
        campaign_id = self.campaign_id

        def create(**_: object) -> Any:
            return self._campaigns.create(self._results.retry_request(campaign_id, receivers))

        self._workers.run(create, on_result=self._resent, on_error=self._failed)

    def _resent(self, created: Any) -> None:
        self.resent_campaign = created.id
        self.status_line.setText(
            self.tr("Campaign {0} created: {1} message(s) to send again").format(
                created.id, created.messages
            )
        )
