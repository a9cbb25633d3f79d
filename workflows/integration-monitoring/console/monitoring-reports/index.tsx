import AssessmentIcon from '@mui/icons-material/Assessment';
import { ReportList } from '../../../../admin/src/common/ReportList';

/** The published quarterly reports, each as HTML and PDF download. */
function MonitoringReportList() {
  return <ReportList period="quarter" empty="app.empty.monitoring_reports" />;
}

export default { list: MonitoringReportList, icon: AssessmentIcon };
