package se.inlagg.app;

/**
 * A function's services, built on first use: the shared ones of this container, unless a test or a
 * tool gave others. Functions that never need the table (the stylesheet, the 404) never build it.
 */
public final class LazyWiring {

    private volatile Wiring wiring;

    public Wiring get() {
        Wiring w = wiring;
        if (w == null) {
            w = Wiring.shared();
            wiring = w;
        }
        return w;
    }

    public void use(Wiring services) {
        this.wiring = services;
    }
}
