// The page's own refusal to go blank: a page whose code cannot be loaded (its chunk missing from a
// damaged install) or that fails while drawing shows one Vietnamese sentence in its place, with
// the toolbar and the tree still there to go elsewhere. Without it React unmounts the whole window.
import { Component, type ReactNode } from 'react';

interface Props {
  /** The route: going to another one tries again (the pages are not remounted for it). */
  route: string;
  children: ReactNode;
}

interface State {
  /** The route that failed, or null. */
  failed: string | null;
  route: string;
}

export class PageBoundary extends Component<Props, State> {
  override state: State = { failed: null, route: this.props.route };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: '' };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.failed === '') return { failed: state.route };
    if (props.route !== state.route) return { route: props.route, failed: null };
    return null;
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (this.state.failed === null) return this.props.children;
    return (
      <div className="page-message error" role="alert" data-testid="page-failed">
        Không mở được trang này (tệp của chương trình bị thiếu hoặc hỏng). Hãy mở trang khác hoặc đóng rồi mở lại ứng dụng; nếu vẫn lỗi, hãy cài đặt lại chương trình.
      </div>
    );
  }
}
