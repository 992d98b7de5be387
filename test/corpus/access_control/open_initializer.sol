// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract ProxyImpl {
    address public owner;
    uint256 public fee;

    function initialize(address _owner, uint256 _fee) external { // @vulnerable: access_control
        owner = _owner; // @vulnerable: access_control
        fee = _fee;
    }
}
