package org.convoy.scheduling;

import org.convoy.scheduling.convoy.ConvoySeed;
import org.convoy.scheduling.host.HostSeed;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, loads the sample convoys, then their hosts (which need the convoys' zones), then the convoys copied
 * from them (which take their hosts).
 */
@Component
class SampleData implements SmartInitializingSingleton {

    private final ConvoySeed convoys;
    private final HostSeed hosts;

    SampleData(ConvoySeed convoys, HostSeed hosts) {
        this.convoys = convoys;
        this.hosts = hosts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        convoys.loadOriginals();
        hosts.load();
        convoys.loadCopies();
    }
}
