"""The results of one campaign: figures, deliveries over time, failures by reason, operators;
live while it sends (refreshed on each dispatcher cycle and every few seconds), with an
estimated end. Export the figures as CSV (the history export's Excel writer), the chart
as PNG; resend to the temporary failures as a new campaign.

Why the chart is drawn with QPainter (bars of deliveries per bucket, the cumulative line)
rather than QtCharts or pyqtgraph, measured on 6.11.3:
- QtCharts ships only in PySide6-Addons: a 175 MB wheel (439 MB installed, WebEngine,
  Multimedia, 3D...) that every pip install, virtualenv and CI job would download for one
  line chart, and that must be pinned to exactly the Essentials version. In the bundle
  alone it would cost about 5 MB (libQt6Charts 2.3 MB, its binding 1.0 MB, and QtOpenGL /
  QtOpenGLWidgets, which the spec leaves out today), so the .deb is not the reason.
- pyqtgraph needs numpy (~20 MB more in the bundle, a second import at first paint).
- The chart needs two series over at most 60 buckets; QPainter draws it in this module,
  offscreen too (tests and the PNG export grab it), with nothing to import at startup.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
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
from smsdesk.services.results import (
    CampaignDraft,
    CampaignReport,
    ResultsService,
    RetryCandidate,
    TimeBucket,
)
from smsdesk.ui import formats, words
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.preferences_dialog import gateway_label
from smsdesk.ui.table_models import RowsModel
from smsdesk.ui.workers import WorkerPool

LIVE_MS = 3000  # while sending, the figures follow this often (and on each dispatcher cycle)
BAR = QColor("#4c8bf5")
MAX_BAR = 48.0  # pixels
LINE = QColor("#1b7f3b")

_Index = QModelIndex | QPersistentModelIndex


class TextRowsModel(RowsModel[tuple[str, ...]]):
    """A read-only table of text rows (failures by reason, operators); the dialog names the
    columns in its language, the last one (a count) is right-aligned."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(headers)

    def set_headers(self, headers: list[str]) -> None:
        self.HEADERS = tuple(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def text(self, row: tuple[str, ...], column: int) -> object:
        return row[column]

    def alignment(self, column: int) -> int | None:
        if column == len(self.HEADERS) - 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DeliveryChart(Retranslating, QWidget):
    """Deliveries per bucket (bars) and delivered so far (line, right scale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 180)
        self._buckets: tuple[TimeBucket, ...] = ()
        self._step = 60
        self.empty_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.empty_text = self.tr("No delivery yet")
        self.setToolTip(
            self.tr("Blue bars: messages delivered in each interval; green line: delivered so far")
        )
        self.update()

    def set_buckets(self, step: int, buckets: tuple[TimeBucket, ...]) -> None:
        self._step, self._buckets = step, buckets
        self.update()

    def buckets(self) -> tuple[TimeBucket, ...]:
        return self._buckets

    def legend(self) -> str:
        intervals = {
            60: self.tr("minute"),
            300: self.tr("5 minutes"),
            900: self.tr("15 minutes"),
            3600: self.tr("hour"),
            4 * 3600: self.tr("4 hours"),
            86400: self.tr("day"),
        }
        interval = intervals.get(self._step) or formats.duration(self._step)
        return self.tr("bars: delivered per {interval} · line: delivered so far").format(
            interval=interval
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._buckets:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        peak = max(b.delivered for b in self._buckets) or 1
        total = self._buckets[-1].cumulative or 1
        peak_text, total_text = formats.count(peak), formats.count(total)
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance(peak_text) + 12
        right = metrics.horizontalAdvance(total_text) + 12
        top, bottom = metrics.height(), metrics.height() * 2 + 4
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
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
        previous = (plot.left(), plot.bottom())  # from 0
        for i, bucket in enumerate(self._buckets):
            x = plot.left() + (i + 1) * width
            y = plot.bottom() - plot.height() * bucket.cumulative / total
            painter.drawLine(QPointF(*previous), QPointF(x, y))
            previous = (x, y)
        text = self.palette().text().color()
        painter.setPen(text)
        painter.drawText(QRectF(0, plot.top() - 2, left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, peak_text)  # fmt: skip
        painter.drawText(QRectF(0, plot.bottom() - metrics.height(), left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, formats.count(0))  # fmt: skip
        painter.setPen(LINE)
        painter.drawText(QRectF(plot.right() + 4, plot.top() - 2, right, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, total_text)  # fmt: skip
        painter.setPen(text)
        # the axis runs from the first bucket's start to the last one's end
        first = self._buckets[0].start
        last = self._buckets[-1].start + timedelta(seconds=self._step)
        same_day = formats.local(first).date() == formats.local(last).date()
        long_span = (last - first).days > 300  # "2 déc." twice would hide a year between

        def stamp(instant: Any) -> str:
            clock = formats.clock(instant)
            if same_day:
                return clock
            if long_span:
                return formats.day(instant)
            return f"{formats.short_day(instant)} {clock}"

        row = QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height())
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft, stamp(first))
        painter.drawText(row, Qt.AlignmentFlag.AlignRight, stamp(last))
        painter.drawText(
            QRectF(
                plot.left(), plot.bottom() + 2 + metrics.height(), plot.width(), metrics.height()
            ),
            Qt.AlignmentFlag.AlignHCenter,
            self.legend(),
        )

    def save_png(self, path: Path) -> bool:
        pixmap = QPixmap(self.size())
        self.render(pixmap)
        return pixmap.save(str(path), "PNG")


class ResultsDialog(Retranslating, QDialog):
    """The results view of one campaign."""

    # "copy as a new draft": the main window hands it to SendTab.load_draft(...)
    draft_requested = Signal(object)  # CampaignDraft

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
        self._charting = False
        self._again = False
        self.report: CampaignReport | None = None
        self.loads = 0  # reports shown so far (tests wait on it)
        self.chart_loads = 0
        self.resent_campaign: int | None = None
        self.last_draft: CampaignDraft | None = None
        self._note = ""  # the last action's outcome, under the status line
        self.resize(900, 660)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px")
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.note_line = QLabel()
        self.note_line.setWordWrap(True)
        self.figure_names: dict[str, QLabel] = {}
        self.figure_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, key in enumerate(self.FIGURES):
            value = QLabel("…")
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 16px; font-weight: bold")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figure_labels[key] = value
            self.figure_names[key] = QLabel()
            grid.addWidget(self.figure_names[key], i // 4, (i % 4) * 2)
            grid.addWidget(value, i // 4, (i % 4) * 2 + 1)
        self.figures_box = QGroupBox()
        self.figures_box.setLayout(grid)

        self.chart = DeliveryChart()
        self.chart_box = QGroupBox()
        QVBoxLayout(self.chart_box).addWidget(self.chart)

        self.failures_model = TextRowsModel(["", "", ""], self)
        self.operators_model = TextRowsModel(["", "", ""], self)
        tables = QHBoxLayout()
        self.failures_box, self.operators_box = QGroupBox(), QGroupBox()
        for box, model in (
            (self.failures_box, self.failures_model),
            (self.operators_box, self.operators_model),
        ):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no cell cursor
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            QVBoxLayout(box).addWidget(view)
            tables.addWidget(box)

        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.ask_export_csv)
        self.png_button = QPushButton()
        self.png_button.clicked.connect(self.ask_save_png)
        self.resend_button = QPushButton()
        self.resend_button.clicked.connect(self.ask_resend)
        self.draft_button = QPushButton()
        self.draft_button.clicked.connect(self.copy_as_draft)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.png_button, self.resend_button, self.draft_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status_line)
        layout.addWidget(self.note_line)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.chart_box, 1)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)

        self._live = QTimer(self)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.refresh)
        self.message_box: QMessageBox | None = None
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Campaign results"))
        names = {
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
        for key, label in self.figure_names.items():
            label.setText(names[key])
        self.figures_box.setTitle(self.tr("Figures"))
        self.chart_box.setTitle(self.tr("Deliveries over time"))
        self.failures_box.setTitle(self.tr("Failures by reason"))
        self.operators_box.setTitle(self.tr("Operators"))
        self.failures_model.set_headers([self.tr("Code"), self.tr("Reason"), self.tr("Messages")])
        self.operators_model.set_headers(
            [self.tr("Code"), self.tr("Operator"), self.tr("Messages")]
        )
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the figures as a spreadsheet (CSV)"))
        self.png_button.setText(self.tr("Save chart as PNG…"))
        self.png_button.setToolTip(self.tr("Save the chart as an image"))
        self.resend_button.setText(self.tr("Resend temporary failures…"))
        self.resend_button.setToolTip(
            self.tr("A new campaign to the numbers that failed for a passing reason")
        )
        self.draft_button.setText(self.tr("Copy as a new draft"))
        self.draft_button.setToolTip(
            self.tr("Open the Send tab with this message, sender and recipients")
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the figures again"))
        self.close_button.setText(self.tr("Close"))
        if self.report is not None:
            self._show_texts(self.report)

    # -- loading (in workers: the figures first, the chart next to them) ---------------

    def refresh(self) -> None:
        """Read the figures and the chart again (the window calls it on each dispatcher
        cycle and on change notifications; a timer while the campaign sends)."""
        if self._loading or self._charting:
            self._again = True
            return
        self._loading = self._charting = True
        campaign_id = self.campaign_id
        self._workers.run(
            lambda **_: self._results.report(campaign_id, timeline=False),
            on_result=self._show,
            on_error=self._failed,
        )
        self._workers.run(
            lambda **_: self._results.timeline(campaign_id),
            on_result=self._show_chart,
            on_error=self._chart_failed,
        )

    def _settled(self) -> None:
        if not (self._loading or self._charting) and self._again:
            self._again = False
            self.refresh()

    def _show(self, report: CampaignReport) -> None:
        self._loading = False
        self.report = report
        self._show_texts(report)
        self.failures_model.set_rows(
            [
                (
                    str(f.ptt) if f.ptt is not None else "—",
                    words.ptt_meaning(f.ptt) if f.ptt is not None else words.reason(f.reason),
                    formats.count(f.count),
                )
                for f in report.failures
            ]
        )
        self.operators_model.set_rows(
            [(o.code, o.name, formats.count(o.count)) for o in report.operators]
        )
        live = report.pending > 0 or report.status in ("sending", "scheduled")
        if live and not self._live.isActive():
            self._live.start()
        elif not live:
            self._live.stop()
        self.loads += 1
        self._settled()

    def _show_texts(self, report: CampaignReport) -> None:
        self.title.setText(self.tr("{name} — campaign {id}").format(name=report.name, id=report.id))
        for key in self.FIGURES:
            value = getattr(report, key)
            self.figure_labels[key].setText(
                formats.credits(value) if key == "credits" else formats.count(value)
            )
        # facts side by side, each one whole in the catalogue
        facts = [
            self.tr("Status: {status}").format(status=words.campaign_status(report.status)),
            self.tr("gateway: {gateway}").format(gateway=gateway_label(report.provider)),
            self.tr("created {instant}").format(instant=formats.date_time(report.created_at)),
        ]
        if report.estimated_end is not None:
            facts.append(
                self.tr("estimated end {instant}").format(
                    instant=formats.date_time(report.estimated_end, seconds=True)
                )
            )
        if report.waiting:
            facts.append(self.tr("%Ln still to send", "", report.waiting))
        if report.pending > report.waiting:
            facts.append(
                self.tr("%Ln awaiting their delivery report", "", report.pending - report.waiting)
            )
        if not report.pending and report.finished_at is not None:
            facts.append(
                self.tr("finished {instant}").format(instant=formats.date_time(report.finished_at))
            )
        status = " · ".join(facts)
        self.status_line.setText(status)

    def _show_chart(self, timeline: tuple[int, tuple[TimeBucket, ...]]) -> None:
        self._charting = False
        step, buckets = timeline
        self.chart.set_buckets(step, buckets)
        self.chart_loads += 1
        self._settled()

    def _chart_failed(self, message: str) -> None:
        self._charting = False
        self._set_note(self.tr("Chart unavailable: {error}").format(error=message))
        self._settled()

    def _failed(self, message: str) -> None:
        self._loading = False
        self._set_note(self.tr("Results unavailable: {error}").format(error=message))
        self._settled()

    def _set_note(self, text: str) -> None:
        self._note = text
        self.note_line.setText(text)

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
            on_result=lambda _rows: self._set_note(
                self.tr("Figures exported to {path}").format(path=path)
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
            self._set_note(self.tr("Chart saved to {path}").format(path=path))
        return saved

    # -- copy as a new draft -----------------------------------------------------------

    def copy_as_draft(self) -> None:
        campaign_id = self.campaign_id
        self._workers.run(
            lambda **_: self._results.draft(campaign_id),
            on_result=self._drafted,
            on_error=self._failed,
        )

    def _drafted(self, draft: CampaignDraft) -> None:
        self.last_draft = draft
        self.draft_requested.emit(draft)

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
                self.tr("Send the message again to %Ln number(s) as a new campaign?", "",
                        len(candidates))
            )  # fmt: skip
            lines = [
                self.tr("{number} — {reason}").format(
                    number=formats.phone(c.receiver), reason=c.reason
                )
                for c in candidates
            ]
            box.setDetailedText("\n".join(lines))
            more = len(candidates) - 10
            shown = "\n".join(lines[:10])
            if more > 0:
                shown += "\n" + self.tr("and %Ln more (Show Details)", "", more)
            box.setInformativeText(shown)
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
        self._set_note(
            self.tr("Campaign {id} created: %Ln message(s) to send again", "", created.messages)
            .format(id=created.id)
        )  # fmt: skip
