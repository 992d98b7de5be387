// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract GovernedVault {
    address public governance;

    constructor() { governance = msg.sender; }

    function changeGovernance(address next) external {
        governance = next; // @vulnerable: access_control
    }

    function sweep() external {
        require(msg.sender == governance, "only governance");
        payable(governance).transfer(address(this).balance);
    }

    receive() external payable {}
}
