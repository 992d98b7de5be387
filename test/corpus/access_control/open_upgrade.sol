// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract UpgradeableProxy {
    address public implementation;
    address public admin = msg.sender;

    function upgradeTo(address impl) external { // @vulnerable: access_control
        implementation = impl;
    }

    fallback() external payable {
        (bool ok, ) = implementation.delegatecall(msg.data);
        require(ok, "delegate");
    }
}
