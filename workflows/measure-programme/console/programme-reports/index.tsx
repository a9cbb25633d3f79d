import SummarizeIcon from '@mui/icons-material/Summarize';
import { ReportList } from '../../../../admin/src/common/ReportList';

/** The published yearly reports of the Maßnahmenprogramm, each as HTML and PDF download. */
function ProgrammeReportList() {
  return <ReportList period="year" numeric empty="app.empty.programme_reports" />;
}

export default { list: ProgrammeReportList, icon: SummarizeIcon };
